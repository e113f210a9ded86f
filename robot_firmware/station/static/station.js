// The flashing station page: log in with pictures (optional), choose a program and a robot,
// send it, follow the progress and the robot's output. Talks only to this station.
"use strict";

const $ = (id) => document.getElementById(id);
const T = $("texts").dataset;
const state = { program: "", port: "", job: null, since: 0, classCode: "", pupil: "", chosen: [], count: 4 };

async function call(method, url, body) {
  const options = { method, headers: { "X-Robocole": "station" } };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, options);
  } catch (e) {
    return { ok: false, data: { message: T.offline } };
  }
  let data = {};
  try { data = await response.json(); } catch (e) {}
  return { ok: response.ok, status: response.status, data };
}

function button(text, onClick, extra) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.addEventListener("click", onClick);
  if (extra) b.className = extra;
  return b;
}

function press(container, pressed) {
  for (const b of container.querySelectorAll("button")) b.setAttribute("aria-pressed", b === pressed ? "true" : "false");
}

function usePrograms(data) {
  // The programs the pupil saved from their notebooks (school server) come first, then those
  // of the station's folder; the file picker below always works.
  const saved = data.saved || [];
  const programs = data.programs || [];
  const savedList = $("saved-list");
  const list = $("program-list");
  savedList.replaceChildren();
  list.replaceChildren();
  $("programs-error").textContent = data.saved_error || "";
  if (state.pupil && !programs.length && !saved.length && !data.saved_error) {
    $("programs-error").textContent = T.noPrograms;
  }
  for (const program of saved) {
    const b = button(program.name, async () => {
      pressAll(b);
      setProgram("");
      const { ok, data: answer } = await call("GET", `/api/programs/${program.id}`);
      if (!ok) {
        $("programs-error").textContent = answer.message;
        return;
      }
      $("programs-error").textContent = "";
      setProgram(answer.source);
    }, "saved");
    b.dataset.program = program.id;
    const small = document.createElement("small");
    small.textContent = [T.version.replace("{n}", program.version), program.when].filter(Boolean).join(" · ");
    b.append(small);
    savedList.append(b);
  }
  for (const program of programs) {
    const b = button(program.name, () => {
      pressAll(b);
      setProgram(program.source);
    });
    list.append(b);
  }
}

function pressAll(pressed) {
  press($("saved-list"), pressed);
  press($("program-list"), pressed);
}

function setProgram(source) {
  state.program = source;
  $("preview").textContent = source;
}

function showIdentity(name) {
  $("who").textContent = name ? T.hello.replace("{name}", name) : "";
  $("logout").hidden = !name;
}

// -- login -----------------------------------------------------------------------------------
function showDots() {
  // The dots are for the eyes; a screen reader hears "Images : 2 sur 3".
  const eyes = document.createElement("span");
  eyes.setAttribute("aria-hidden", "true");
  eyes.textContent = "●".repeat(state.chosen.length) + "○".repeat(Math.max(0, state.count - state.chosen.length));
  const words = document.createElement("span");
  words.className = "sr";
  words.textContent = T.picked.replace("{n}", state.chosen.length).replace("{total}", state.count);
  $("dots").replaceChildren(eyes, words);
}

const classForm = $("class-form");
if (classForm) {
  classForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    $("login-error").textContent = "";
    state.classCode = $("class-code").value.trim().toUpperCase();
    const { ok, data } = await call("GET", `/api/class/${encodeURIComponent(state.classCode)}`);
    const pupils = $("pupils");
    pupils.replaceChildren();
    $("pictures").hidden = true;
    if (!ok) {
      $("login-error").textContent = data.message;
      return;
    }
    state.count = data.picture_count;
    for (const b of document.querySelectorAll(".picture")) b.hidden = !data.pictures.includes(b.dataset.picture);
    for (const pupil of data.pupils) {
      const b = button(pupil.pseudonym, () => {
        press(pupils, b);
        $("login-error").textContent = "";
        if (pupil.locked) {
          $("pictures").hidden = true;
          $("login-error").textContent = T.paused;
          return;
        }
        state.pupil = pupil.username;
        state.chosen = [];
        $("pictures").hidden = false;
        $("pictures-help").textContent = T.clickPictures;
        $("dots").textContent = "";
      });
      if (pupil.locked) {
        const small = document.createElement("small");
        small.textContent = T.pausedShort;
        b.append(" ", small);
      }
      pupils.append(b);
    }
  });
  for (const b of document.querySelectorAll(".picture")) {
    b.addEventListener("click", async () => {
      state.chosen.push(b.dataset.picture);
      showDots();
      if (state.chosen.length < state.count) return;
      const { ok, data } = await call("POST", "/api/login", {
        class_code: state.classCode, username: state.pupil, pictures: state.chosen,
      });
      state.chosen = [];
      if (!ok) {
        $("login-error").textContent = data.message;
        $("dots").textContent = "";
        return;
      }
      $("login-error").textContent = "";
      $("pupils").replaceChildren();
      $("pictures").hidden = true;
      showIdentity(data.name);
      usePrograms(data);
      // The picture that had the focus is gone: go on to the next step, not back to the top.
      document.querySelector("#step-program button, #file").focus();
    });
  }
  $("erase").addEventListener("click", () => {
    state.chosen = [];
    $("dots").textContent = "";
  });
}

async function forget() {
  await call("POST", "/api/logout", {});
  state.pupil = "";
  showIdentity("");
  usePrograms({});
  setProgram("");
}

$("logout").addEventListener("click", async () => {
  await forget();
  ($("class-code") || $("file")).focus();
});

// The PC is shared: a pupil who walks away is forgotten by the page as by the station, so the
// next child does not find their name and programs. Any key or click counts as still here.
let idle = null;
function stillHere() {
  clearTimeout(idle);
  idle = setTimeout(() => { if (state.pupil) forget(); }, Number(T.loginSeconds) * 1000);
}
for (const kind of ["pointerdown", "keydown"]) document.addEventListener(kind, stillHere, true);
stillHere();

// -- program file ----------------------------------------------------------------------------
$("file").addEventListener("change", async () => {
  const file = $("file").files[0];
  if (!file) return;
  pressAll(null);
  setProgram(await file.text());
});

// -- robots ----------------------------------------------------------------------------------
async function refreshRobots() {
  const { ok, data } = await call("GET", "/api/robots");
  if (!ok) return;
  const list = $("robot-list");
  const select = $("name-robot");
  const known = JSON.stringify(data.robots);
  if (list.dataset.known === known) return;
  list.dataset.known = known;
  // The list is drawn again when a robot is plugged, unplugged or gets busy: the robot the
  // teacher chose to name stays chosen.
  const naming = select.value;
  list.replaceChildren();
  select.replaceChildren();
  if (!data.robots.some((r) => r.port === state.port)) state.port = "";
  if (data.robots.length === 1 && !state.port) state.port = data.robots[0].port;
  for (const robot of data.robots) {
    const b = button("", () => {
      state.port = robot.port;
      press(list, b);
    }, "robot");
    const face = document.createElement("span");
    face.setAttribute("aria-hidden", "true");  // read as "robot face" otherwise
    face.textContent = "🤖";
    b.replaceChildren(face, " " + robot.name);
    if (robot.busy) {
      const small = document.createElement("small");
      small.textContent = T.busy;
      b.append(small);
    }
    b.dataset.port = robot.port;
    list.append(b);
    if (robot.port === state.port) press(list, b);
    const option = document.createElement("option");
    option.value = robot.key;
    option.textContent = robot.name;
    option.selected = robot.key === naming;
    select.append(option);
  }
  $("no-robot").hidden = data.robots.length > 0;
}

$("name-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const { data } = await call("POST", "/api/robots/name", {
    key: $("name-robot").value, name: $("name-text").value, code: $("name-code").value,
  });
  $("name-result").textContent = data.message || T.saved;
  $("robot-list").dataset.known = "";
  refreshRobots();
});

// -- sending ---------------------------------------------------------------------------------
$("send").addEventListener("click", async () => {
  $("send-error").textContent = "";
  if (!state.program.trim()) {
    $("send-error").textContent = T.chooseProgram;
    return;
  }
  if (!state.port) {
    $("send-error").textContent = T.chooseRobot;
    return;
  }
  const { ok, data } = await call("POST", "/api/send", { program: state.program, port: state.port });
  if (!ok) {
    $("send-error").textContent = data.message;
    return;
  }
  state.job = data.id;
  state.since = 0;
  $("output").textContent = "";
  $("detail").textContent = "";
  $("run").hidden = false;
  $("stop").hidden = false;
  $("send").disabled = true;
  // "Envoyer" is off while the robot works: the keyboard's focus waits on "Stop".
  $("stop").focus();
  follow();
});

// A status written again with the same words would be read again (role="status").
function setText(id, text) {
  const element = $(id);
  if (element.textContent !== text) element.textContent = text;
}

// The last `limit` characters of the output, cutting its oldest texts.
function keepEnd(out, limit) {
  let extra = out.textContent.length - limit;
  while (extra > 0 && out.firstChild) {
    const first = out.firstChild;
    if (first.textContent.length <= extra) {
      extra -= first.textContent.length;
      first.remove();
    } else {
      first.deleteData(0, extra);
      extra = 0;
    }
  }
}

async function follow() {
  const { ok, data } = await call("GET", `/api/jobs/${state.job}?since=${state.since}`);
  if (!ok) {
    setTimeout(follow, 500);
    return;
  }
  $("progress").value = data.progress;
  // Follow what the robot says last, unless the child scrolled up to read something.
  const out = $("output");
  const following = out.scrollHeight - out.scrollTop - out.clientHeight < 24;
  // What is new goes in as a text of its own: the log (role="log") reads only that to a
  // screen reader. Only the end is kept: a print loop without a pause would slow the page
  // down to a crawl.
  if (data.output) {
    out.append(data.output);
    keepEnd(out, 65536);
  }
  if (following) out.scrollTop = out.scrollHeight;
  state.since = data.length;
  const finished = ["done", "failed", "stopped"].includes(data.state);
  $("stop").hidden = finished;
  if (data.state === "sending" || data.state === "waiting") setText("status", T.sending);
  else if (data.state === "running") setText("status", T.running);
  else setText("status", data.message);
  $("status").className = data.state === "failed" ? "error" : "";
  setText("detail", data.detail);
  if (finished) {
    const wasOnStop = [$("stop"), $("send"), document.body].includes(document.activeElement);
    $("send").disabled = false;
    if (wasOnStop) $("send").focus();
    return;
  }
  setTimeout(follow, 250);
}

$("stop").addEventListener("click", () => {
  if (state.job) call("POST", `/api/jobs/${state.job}/stop`, {});
});

(async () => {
  refreshRobots();
  setInterval(refreshRobots, 1500);
  const { ok, data } = await call("GET", "/api/me");
  if (ok && data.username) {
    state.pupil = data.username;
    showIdentity(data.name);
    usePrograms(data);
  }
})();
