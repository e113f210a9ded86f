// Blocks for the youngest: a Blockly workspace in place of the text editor, for the exercises
// the lesson builds with blocks. The blocks write the same Python the text lessons use into
// the exercise's textarea, and lesson.js saves it (with the workspace) and runs "Vérifier" as
// for text. The blocks, their words and their Python names come from the server
// (curriculum/blocks.py), which also checks that these blocks make the reference solutions:
// the Python written here must stay byte for byte that of curriculum/blocks.py's to_python.
"use strict";

(function () {
  const texts = JSON.parse(document.getElementById("texts").textContent);
  const main = document.getElementById("lesson");
  if (!main) return;
  const sections = document.querySelectorAll("section.exercise[data-editor='blocks']");

  function asText(section) {
    // No blocks here after all: the child gets their Python as text, nothing is lost.
    section.dataset.editor = "text";
    section.robocoleBlocks = null;
    const editor = section.querySelector(".block-editor");
    editor.hidden = true;
    section.querySelector(".text-editor").hidden = false;
    const note = document.createElement("p");
    note.className = "card warn";
    note.setAttribute("role", "status");
    note.textContent = texts.blocksBroken;
    editor.after(note);
  }

  if (typeof Blockly === "undefined") {
    // Blockly did not load (a browser too old for it): the text editor, for every exercise.
    sections.forEach(asText);
    document.documentElement.dataset.blocks = "1";
    return;
  }
  const PREFIX = "robocole_";
  const defined = new Set();

  function blockJson(spec) {
    // One Blockly block from curriculum/blocks.py's description of it.
    const args = [];
    const words = [];
    for (const part of spec.parts) {
      if (typeof part === "string") {
        words.push(part.replace(/%/g, "%%"));
      } else {
        args.push(
          part.kind === "number"
            ? {
                type: "field_number",
                name: part.field,
                value: part.default,
                min: part.min,
                max: part.max,
                precision: part.precision,
              }
            : { type: "field_dropdown", name: part.field, options: part.choices.map((c) => [c, c]) }
        );
        words.push("%" + args.length);
      }
    }
    const json = {
      type: PREFIX + spec.name,
      message0: words.join(" "),
      args0: args,
      colour: spec.colour,
      tooltip: "",
      helpUrl: "",
    };
    if (spec.name === "start") {
      json.nextStatement = null;
    } else {
      json.previousStatement = null;
      json.nextStatement = null;
    }
    if (spec.container) {
      json.message1 = "%1";
      json.args1 = [{ type: "input_statement", name: "DO" }];
    }
    return json;
  }

  function pythonNumber(value) {
    // As Python's repr writes a number: 90, -120, 0.5 (curriculum/blocks.py _number).
    return String(Number(value));
  }

  function generator(catalog) {
    const python = new Blockly.CodeGenerator("Python");
    python.INDENT = "    ";
    python.scrub_ = function (block, code, thisOnly) {
      const next = block.nextConnection && block.nextConnection.targetBlock();
      return thisOnly ? code : code + python.blockToCode(next);
    };
    for (const spec of catalog) {
      python.forBlock[PREFIX + spec.name] = function (block) {
        if (spec.name === "start") return "";
        if (spec.container) {
          const body = python.statementToCode(block, "DO") || python.INDENT + "pass\n";
          return "for i in range(" + pythonNumber(block.getFieldValue("N")) + "):\n" + body;
        }
        const values = [];
        for (const part of spec.parts) {
          if (typeof part === "string") continue;
          const value = block.getFieldValue(part.field);
          values.push(part.kind === "number" ? pythonNumber(value) : '"' + value + '"');
        }
        return spec.call + "(" + values.join(", ") + ")\n";
      };
    }
    return python;
  }

  function define(catalog) {
    const fresh = catalog.filter((spec) => !defined.has(spec.name));
    fresh.forEach((spec) => defined.add(spec.name));
    if (fresh.length) Blockly.common.defineBlocksWithJsonArray(fresh.map(blockJson));
  }

  const theme = Blockly.Theme.defineTheme("robocole", {
    base: Blockly.Themes.Classic,
    fontStyle: { family: "DejaVu Sans, Verdana, Arial, sans-serif", weight: "bold", size: 13 },
    componentStyles: { workspaceBackgroundColour: "#ffffff", flyoutBackgroundColour: "#eef1f6" },
  });

  function hideFlyoutConnections(box) {
    // Blockly 13.3 gives the connection outlines of the blocks in its box of blocks the role
    // "figure", inside a listbox that may only hold options (axe: critical). They are never
    // focused there (blocks are taken whole), so they are hidden from screen readers.
    function hide() {
      for (const path of box.querySelectorAll(
        ".blocklyFlyout .blocklyHighlightedConnectionPath:not([aria-hidden])"
      )) {
        path.setAttribute("aria-hidden", "true");
      }
    }
    hide();
    new MutationObserver(hide).observe(box, { childList: true, subtree: true });
  }

  function setUp(section, data) {
    const area = section.querySelector("textarea");
    const editor = section.querySelector(".block-editor");
    const textEditor = section.querySelector(".text-editor");
    const count = section.querySelector(".block-count");
    const generated = section.querySelector("pre.generated");
    const toText = section.querySelector("button.to-text");
    define(data.catalog);
    const python = generator(data.catalog);
    const limit = data.maxBlocks || 0;
    const workspace = Blockly.inject(section.querySelector(".workspace"), {
      toolbox: {
        kind: "flyoutToolbox",
        contents: data.toolbox.map((name) => ({ kind: "block", type: PREFIX + name })),
      },
      // The start block counts for Blockly, not for the child.
      maxBlocks: limit ? limit + 1 : Infinity,
      media: main.dataset.blockly + "media/",
      sounds: false,
      theme,
      trashcan: true,
      zoom: { controls: true, startScale: 1.2, minScale: 0.8, maxScale: 2 },
      move: { scrollbars: true, drag: true, wheel: false },
      renderer: "thrasos",
    });
    Blockly.serialization.workspaces.load(data.workspace, workspace);
    section.robocoleWorkspace = workspace; // for the browser tests
    hideFlyoutConnections(section.querySelector(".workspace"));
    // Blocks left beside the program are greyed: only what hangs from "When I start" runs.
    workspace.addChangeListener(Blockly.Events.disableOrphans);

    function start() {
      return workspace.getTopBlocks(false).find((b) => b.type === PREFIX + "start");
    }

    function lines() {
      python.init(workspace);
      const top = start();
      const code = top ? python.blockToCode(top) : "";
      return code.split("\n").filter((line, i, all) => line !== "" || i < all.length - 1);
    }

    function source() {
      // The answer cell: the lesson's own lines around the blocks' Python (blocks.py
      // answer_source); no block yet gives back exactly the released cell.
      const body = lines().map((line) => data.indent + line);
      const parts = [data.before, (body.length ? body : [data.indent + data.stub]).join("\n"), data.after];
      return parts.filter((part) => part !== "").join("\n");
    }

    function state() {
      return JSON.stringify(Blockly.serialization.workspaces.save(workspace));
    }

    let savedState = state();
    let mode = "blocks";

    function showCount() {
      if (!limit) return;
      const used = workspace.getAllBlocks(false).length - 1;
      const sentence = texts.blocksCount.replace("{used}", used).replace("{most}", limit);
      count.textContent =
        sentence + (used > limit ? " — " + texts.blocksOver : used === limit ? " — " + texts.blocksFull : "");
      count.classList.toggle("over", used > limit);
    }

    function update() {
      const text = source();
      generated.textContent = lines().join("\n");
      showCount();
      if (area.value !== text || state() !== savedState) {
        area.value = text;
        area.dispatchEvent(new Event("input"));
      }
    }

    section.robocoleBlocks = function () {
      if (mode === "switching") return { changed: true, state: { mode: "texte" }, saved: () => (mode = "text") };
      if (mode !== "blocks") return null;
      const now = state();
      return {
        changed: now !== savedState,
        state: { workspace: JSON.parse(now) },
        saved: () => {
          savedState = now;
        },
      };
    };

    workspace.addChangeListener((event) => {
      if (event.isUiEvent) return;
      update();
    });
    generated.textContent = lines().join("\n");
    showCount();

    if (toText) {
      toText.addEventListener("click", () => {
        if (!window.confirm(texts.toTextSure)) return;
        mode = "switching";
        section.dataset.editor = "text";
        editor.hidden = true;
        textEditor.hidden = false;
        workspace.dispose();
        area.dispatchEvent(new Event("input"));
        area.focus();
      });
    }
  }

  for (const section of sections) {
    const data = JSON.parse(section.querySelector("script.blocks-data").textContent);
    try {
      setUp(section, data);
    } catch (error) {
      // A workspace Blockly cannot draw: the child gets their Python back as text.
      asText(section);
    }
  }
  document.documentElement.dataset.blocks = "1"; // for the tests
})();
