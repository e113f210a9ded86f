// The pupil's lesson view: a light editor per exercise, "Vérifier", hints one at a time,
// "Rendre ma leçon". No framework and no build step: the page works on the school's old PCs,
// and every word comes from the server's translation catalogs (the #texts JSON block).
"use strict";

(function () {
  const main = document.getElementById("lesson");
  if (!main) return;
  const texts = JSON.parse(document.getElementById("texts").textContent);
  const api = main.dataset.api;
  const resultUrl = main.dataset.result;
  const xsrf = main.dataset.xsrf;
  const HINT_READING_MS = 5000; // the next hint waits until the previous one could be read
  const SAVE_DELAY_MS = 1500;

  async function call(method, path, body) {
    const response = await fetch(api + path, {
      method,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-XSRFToken": xsrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let data = {};
    try {
      data = await response.json();
    } catch (error) {
      data = {};
    }
    return { status: response.status, data };
  }

  function say(box, kind, sentence) {
    // One card, replaced at each verdict: the live region announces its text once.
    box.className = "verdict " + kind;
    box.textContent = "";
    const card = document.createElement("p");
    card.className = "card " + kind;
    card.textContent = sentence;
    box.appendChild(card);
  }

  function showOutputs(box, outputs) {
    box.textContent = "";
    for (const output of outputs || []) {
      if (output.kind === "text") {
        const pre = document.createElement("pre");
        pre.className = "printed";
        pre.textContent = output.text;
        box.appendChild(pre);
      } else if (output.kind === "svg" || output.kind === "html") {
        // Drawings of the lesson's world and the robot simulator's animation. The page's
        // Content-Security-Policy lets no script run from them.
        const figure = document.createElement("div");
        figure.className = "drawing";
        figure.innerHTML = output.data;
        box.appendChild(figure);
      } else if (output.kind === "png") {
        const image = document.createElement("img");
        image.src = "data:image/png;base64," + output.data;
        image.alt = texts.picture;
        box.appendChild(image);
      }
    }
  }

  // -- the editor: a textarea that indents like a code editor, with line numbers --------

  function lineNumbers(area, gutter) {
    const count = area.value.split("\n").length;
    let numbers = "";
    for (let n = 1; n <= count; n += 1) numbers += n + "\n";
    gutter.textContent = numbers;
    area.rows = Math.max(4, count + 1);
  }

  function insert(area, text) {
    area.setRangeText(text, area.selectionStart, area.selectionEnd, "end");
    area.dispatchEvent(new Event("input"));
  }

  function editorKeys(area) {
    let leaving = false; // Escape then Tab leaves the box (no keyboard trap)
    area.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        leaving = true;
        return;
      }
      if (event.key === "Tab" && !leaving && !event.ctrlKey && !event.altKey) {
        event.preventDefault();
        if (event.shiftKey) {
          const start = area.value.lastIndexOf("\n", area.selectionStart - 1) + 1;
          const head = area.value.slice(start, start + 4);
          const spaces = head.length - head.trimStart().length;
          if (spaces > 0) {
            area.setRangeText("", start, start + spaces, "preserve");
            area.dispatchEvent(new Event("input"));
          }
        } else {
          insert(area, "    ");
        }
        return;
      }
      leaving = false;
      if (event.key === "Enter" && !event.shiftKey && !event.ctrlKey) {
        // Keep the line's indentation, and indent once more after a colon (for, if, def).
        event.preventDefault();
        const start = area.value.lastIndexOf("\n", area.selectionStart - 1) + 1;
        const line = area.value.slice(start, area.selectionStart);
        let indent = line.match(/^ */)[0];
        if (line.trimEnd().endsWith(":")) indent += "    ";
        insert(area, "\n" + indent);
      }
    });
  }

  // -- one exercise ----------------------------------------------------------------------

  function setUp(section) {
    const grade = section.dataset.grade;
    const answer = section.dataset.answer;
    const area = section.querySelector("textarea");
    const gutter = section.querySelector(".gutter");
    const verdict = section.querySelector(".verdict");
    const outputs = section.querySelector(".outputs");
    const saved = section.querySelector(".saved");
    const check = section.querySelector("button.check");
    let base = area.value; // the answer as the notebook file has it
    let timer = null;

    lineNumbers(area, gutter);
    editorKeys(area);
    area.addEventListener("scroll", () => {
      gutter.scrollTop = area.scrollTop;
    });

    async function save(force) {
      clearTimeout(timer);
      timer = null;
      const source = area.value;
      // A block exercise (blocks.js) saves its workspace with the Python it makes.
      const blocks = section.robocoleBlocks ? section.robocoleBlocks() : null;
      if (source === base && !(blocks && blocks.changed)) return true;
      const { status, data } = await call("PUT", "/reponses/" + answer, {
        source,
        base: force ? null : base,
        ...(blocks ? blocks.state : {}),
      });
      if (status === 200) {
        base = source;
        if (blocks) blocks.saved();
        saved.textContent = texts.saved;
        return true;
      }
      if (status === 409) {
        otherTab(data.current);
        return false;
      }
      saved.textContent = data.message || texts.notSaved;
      return false;
    }

    function otherTab(current) {
      // The same lesson, saved from another tab: the child chooses, nothing is lost.
      say(verdict, "warn", texts.otherTab);
      const keepMine = document.createElement("button");
      keepMine.type = "button";
      keepMine.textContent = texts.keepMine;
      keepMine.addEventListener("click", async () => {
        if (await save(true)) say(verdict, "info", texts.saved);
      });
      const takeOther = document.createElement("button");
      takeOther.type = "button";
      takeOther.textContent = texts.takeOther;
      takeOther.addEventListener("click", () => {
        // Blocks are drawn from the file by the server: open the lesson again.
        if (section.robocoleBlocks) return window.location.reload();
        area.value = current;
        base = current;
        lineNumbers(area, gutter);
        say(verdict, "info", texts.tookOther);
        area.focus();
      });
      const row = document.createElement("p");
      row.className = "choices";
      row.append(keepMine, " ", takeOther);
      verdict.appendChild(row);
    }

    area.addEventListener("input", () => {
      lineNumbers(area, gutter);
      saved.textContent = "";
      clearTimeout(timer);
      timer = setTimeout(() => save(false), SAVE_DELAY_MS);
    });
    area.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && event.ctrlKey) {
        event.preventDefault();
        check.click();
      }
    });

    check.addEventListener("click", async () => {
      check.disabled = true;
      say(verdict, "busy", texts.checking);
      outputs.textContent = "";
      try {
        if (!(await save(false))) return;
        const { status, data } = await call("POST", "/verifier/" + grade, {
          editor: section.dataset.editor,
        });
        if (status !== 200) {
          say(verdict, "warn", data.message || texts.trouble);
          return;
        }
        say(verdict, data.passed ? "good" : "warn", data.sentence);
        showOutputs(outputs, data.outputs);
        section.classList.toggle("passed", data.passed);
      } catch (error) {
        say(verdict, "warn", texts.trouble);
      } finally {
        check.disabled = false;
      }
    });

    // Hints, one at a time: the next button comes once the previous hint could be read.
    const hints = Array.from(section.querySelectorAll(".hint"));
    const hintButton = section.querySelector(".hint-button");
    if (hintButton) {
      let shown = 0;
      hintButton.addEventListener("click", () => {
        const hint = hints[shown];
        hint.hidden = false;
        hint.tabIndex = -1;
        hint.focus();
        shown += 1;
        hintButton.hidden = true;
        if (shown < hints.length) {
          setTimeout(() => {
            hintButton.textContent = texts.anotherHint;
            hintButton.hidden = false;
          }, HINT_READING_MS);
        }
      });
    }

    return { save };
  }

  const exercises = Array.from(document.querySelectorAll("section.exercise")).map(setUp);
  document.documentElement.dataset.ready = "1"; // for the tests and the benchmark

  // -- handing in -------------------------------------------------------------------------

  async function latestResult() {
    const response = await fetch(resultUrl, { credentials: "same-origin" });
    if (!response.ok) return null;
    return response.json();
  }

  function showResult(box, result) {
    box.textContent = "";
    const card = document.createElement("div");
    card.className = "card good";
    const title = document.createElement("p");
    title.className = "big-text";
    title.textContent = result.sentence;
    card.appendChild(title);
    for (const line of result.details || []) {
      const p = document.createElement("p");
      p.textContent = line;
      card.appendChild(p);
    }
    box.appendChild(card);
  }

  const submit = document.querySelector("button.submit");
  if (submit) {
    const box = document.querySelector(".hand-in .result");
    submit.addEventListener("click", async () => {
      submit.disabled = true;
      box.className = "result";
      box.textContent = texts.handingIn;
      try {
        for (const exercise of exercises) {
          if (!(await exercise.save(false))) {
            box.textContent = texts.saveFirst;
            return;
          }
        }
        const before = await latestResult().catch(() => null);
        const { status, data } = await call("POST", "/rendre", {});
        if (status !== 200) {
          box.textContent = data.message || texts.trouble;
          return;
        }
        box.textContent = data.message;
        // The grader grades within seconds; its result reaches the classroom app.
        const previous = before && before.key;
        const deadline = Date.now() + 60000;
        while (Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 700));
          const result = await latestResult().catch(() => null);
          if (result && result.key && result.key !== previous) {
            showResult(box, result);
            return;
          }
        }
        box.textContent = texts.gradingLate;
      } finally {
        submit.disabled = false;
      }
    });
  }
})();
