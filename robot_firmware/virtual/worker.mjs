// The virtual robot's "hardware": real MicroPython (the WebAssembly port from npm) plus a
// recording motor/LED/buzzer driver, a flash memory kept in a host folder, and a watchdog.
//
// The bridge (robot_firmware/virtual/bridge.py) starts one `node worker.mjs CONFIG_JSON` per
// power-on and talks to it through pipes:
//   stdin             bytes from the USB serial line (the pty), as a board's UART receives them
//   stdout            bytes the board sends on the serial line
//   config.eventsFd   one JSON object per line: what the hardware was asked to do
//   config.controlFd  one JSON object per line: sensor values set by a test or a demo
//
// MicroPython runs in a worker thread so that the main thread can keep receiving serial bytes
// while pupil code runs: a Ctrl-C is delivered as KeyboardInterrupt at the next hardware call
// (sleep, motors...), and a program that never calls the hardware is stopped by terminating
// the thread and restarting the interpreter, as a reset would (the WebAssembly build cannot be
// interrupted from outside).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, isMainThread, workerData } from "node:worker_threads";

const RING = 1 << 16; // serial receive buffer, in bytes
const SKIPPED = 0xffff; // a ring slot whose byte was taken as an interrupt
// Int32 control words shared by both threads.
const W = 0; // bytes written to the ring (total)
const R = 1; // bytes consumed from the ring (total)
const MOTORS_ON = 2;
const LOCK = 3;
const STARTED = 4; // 1 once the interpreter runs (loading the WebAssembly takes a while)
const RAW = 5; // 1 while the REPL is the raw REPL (the flasher's, mpremote's)
const RUNNING = 6; // 1 while code runs (a raw REPL command, boot.py, main.py)
// Float64 words.
const EPOCH = 0; // wall-clock ms at power-on
const SKEW = 1; // virtual ms added by sleeps that were shortened (time scale < 1)
const DISTANCE = 3; // forced distance reading in cm (NaN: computed from the wall)
const WALL = 4; // x coordinate of a wall across the track, cm (NaN: none)
const LINE = 5; // 3 line sensors (5, 6, 7): 1 sees the black line, 0 not, -1 absent
const BUTTON = 8;
const POSE_X = 9;
const POSE_Y = 10;
const POSE_HEADING = 11; // degrees, clockwise (positive = turned right)
const POSE_T = 12;
const LEFT = 13; // motor commands, percent
const RIGHT = 14;
// 1 when robot time follows the wall clock (time scale > 0). At time scale 0 it only moves
// when the program waits, so that tests see the same distances on a busy machine.
const REAL_TIME = 15;
const LAST_CALL_WALL = 16; // wall-clock ms of the last hardware call
const BLOCKED = 17; // 1 while the robot is against a wall of its world
const FLOATS = 18;
// The ultrasonic sensor, as the simulator has it (robot_firmware/sim/hardware.py).
const SOUND_CM_PER_US = 0.0343;
const SONAR_BASE_US = 500;
const SONAR_TIMEOUT_US = 30000;

function wall() {
  return performance.timeOrigin + performance.now();
}

function now(f) {
  return (f[REAL_TIME] ? wall() - f[EPOCH] : 0) + f[SKEW];
}

function lock(c) {
  while (Atomics.compareExchange(c, LOCK, 0, 1) !== 0) Atomics.wait(c, LOCK, 1, 1);
}

function unlock(c) {
  Atomics.store(c, LOCK, 0);
  Atomics.notify(c, LOCK);
}

// Differential drive: integrate the pose from the last update to `t` at the current speeds.
function integrate(c, f, cfg, t) {
  const dt = (t - f[POSE_T]) / 1000;
  f[POSE_T] = t;
  if (dt <= 0 || (f[LEFT] === 0 && f[RIGHT] === 0)) return;
  const vl = (f[LEFT] / 100) * cfg.cmPerS;
  const vr = (f[RIGHT] / 100) * cfg.cmPerS;
  const v = (vl + vr) / 2;
  const w = (vl - vr) / cfg.wheelbaseCm; // rad/s, clockwise
  const h0 = (f[POSE_HEADING] * Math.PI) / 180;
  const hm = h0 + (w * dt) / 2;
  const x = f[POSE_X] + v * Math.cos(hm) * dt;
  const y = f[POSE_Y] + v * Math.sin(hm) * dt;
  f[POSE_HEADING] = ((h0 + w * dt) * 180) / Math.PI;
  // In a world, the robot (a disc, as in the simulator) stops against a wall: its wheels
  // may turn, it goes no further. It turns on the spot all the same.
  if (cfg.world && Math.abs(v) > 0 && clearance(cfg.world, x, y) <= cfg.radius) {
    if (!f[BLOCKED]) {
      f[BLOCKED] = 1;
      emit(cfg, f, { e: "contact", ...pose(f) });
    }
    return;
  }
  f[BLOCKED] = 0;
  f[POSE_X] = x;
  f[POSE_Y] = y;
}

function clearance(world, x, y) {
  let best = Infinity;
  for (const [ax, ay, bx, by] of world.segments) {
    best = Math.min(best, distanceToSegment(x, y, ax, ay, bx, by));
  }
  return best;
}

// The robot's world (a simulator's world, robot_firmware/worlds/): what its sensors see.
// Sensor positions come from robot_firmware/sensors.py, as (ahead, left) of the axle's middle.
function onTable(f, ahead, left) {
  const h = (f[POSE_HEADING] * Math.PI) / 180;
  const [c, s] = [Math.cos(h), Math.sin(h)];
  return [f[POSE_X] + ahead * c + left * s, f[POSE_Y] + ahead * s - left * c];
}

function rayHit(ox, oy, dx, dy, [ax, ay, bx, by]) {
  const [ex, ey] = [bx - ax, by - ay];
  const denom = dx * ey - dy * ex;
  if (Math.abs(denom) < 1e-9) return Infinity;
  const [qx, qy] = [ax - ox, ay - oy];
  const along = (qx * ey - qy * ex) / denom;
  const u = (qx * dy - qy * dx) / denom;
  return along >= 0 && u >= -1e-9 && u <= 1 + 1e-9 ? along : Infinity;
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const [dx, dy] = [bx - ax, by - ay];
  const length2 = dx * dx + dy * dy;
  const u = length2 <= 1e-9 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - ax - u * dx, py - ay - u * dy);
}

function overLine(world, x, y) {
  const points = world.line;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    if (distanceToSegment(x, y, a[0], a[1], b[0], b[1]) <= world.lineWidth / 2) return true;
  }
  return false;
}

function pose(f) {
  const r = (x) => Math.round(x * 100) / 100;
  return { x: r(f[POSE_X]), y: r(f[POSE_Y]), cap: r(f[POSE_HEADING]) };
}

function writeAll(fd, buf) {
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      if (e.code !== "EAGAIN") throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

function emit(cfg, f, event) {
  event.t = Math.round(now(f));
  writeAll(cfg.eventsFd, Buffer.from(JSON.stringify(event) + "\n"));
}

// Emscripten numbers errors its own way (ENOENT is 44); MicroPython and mpremote expect the
// usual POSIX numbers, so every system call result is translated on its way to the libc.
const EMSCRIPTEN_TO_POSIX = {
  1: 7, 2: 13, 3: 98, 4: 99, 5: 97, 6: 11, 7: 114, 8: 9, 9: 74, 10: 16, 11: 125, 12: 10,
  13: 103, 14: 111, 15: 104, 16: 35, 17: 89, 18: 33, 19: 122, 20: 17, 21: 14,
  // EFBIG (22) becomes EIO rather than 27, which is EINTR for this libc and would loop.
  22: 5, 23: 113, 24: 43, 25: 84, 26: 115, 27: 4, 28: 22, 29: 5, 30: 106, 31: 21, 32: 40,
  33: 24, 34: 31, 35: 90, 36: 72, 37: 36, 38: 100, 39: 102, 40: 101, 41: 23, 42: 105,
  43: 19, 44: 2, 45: 8, 46: 37, 47: 67, 48: 12, 49: 42, 50: 92, 51: 28, 52: 38, 53: 107,
  54: 20, 55: 39, 56: 131, 57: 88, 58: 95, 59: 25, 60: 6, 61: 75, 62: 130, 63: 1, 64: 32,
  65: 71, 66: 93, 67: 91, 68: 34, 69: 30, 70: 29, 71: 3, 72: 116, 73: 110, 74: 26, 75: 18,
};

// The interpreter thread's own clock for C code (time.sleep, time.ticks_ms): set once it runs.
let clockHook = null;

function patchImports() {
  const original = WebAssembly.instantiate;
  WebAssembly.instantiate = function (binary, imports) {
    // env and wasi_snapshot_preview1 are one object here: wrap each function once.
    for (const space of new Set(Object.values(imports || {}))) {
      for (const [name, fn] of Object.entries(space)) {
        if (typeof fn !== "function") continue;
        if (name === "mp_js_ticks_ms") {
          // time.sleep(), sleep_ms() and ticks_ms() all read this clock, the first two in a
          // busy loop of C: the robot's clock answers, and notices a Ctrl-C there.
          space[name] = (...args) => (clockHook ? clockHook() : fn(...args));
        } else if (name.startsWith("__syscall_")) {
          space[name] = function (...args) {
            const r = fn.apply(this, args);
            return typeof r === "number" && r < 0 && EMSCRIPTEN_TO_POSIX[-r] ? -EMSCRIPTEN_TO_POSIX[-r] : r;
          };
        } else if (name.startsWith("fd_")) {
          space[name] = function (...args) {
            const r = fn.apply(this, args);
            return typeof r === "number" && r > 0 && EMSCRIPTEN_TO_POSIX[r] ? EMSCRIPTEN_TO_POSIX[r] : r;
          };
        }
      }
    }
    return original.call(this, binary, imports);
  };
}

// ---------------------------------------------------------------------------------------------
// The interpreter thread.

// The port's os module answers from VfsPosix, which differs from a board's flash (FAT,
// littlefs) where mpremote relies on it: os.stat('') is the current folder there (`cp f :`,
// `rm -r :`), os.ilistdir() gives each file's size (`ls`), and os.rmdir() refuses the root
// and mount points. This module is MicroPython's own os with those answers as a board's; it is installed as sys.modules["os"]
// at every start, from a folder outside the flash (nothing appears among the robot's files).
const BOARD_OS = `from os import *
import os as _port

__name__ = "os"


def _here(path):
    return path if path else "."


def stat(path):
    return _port.stat(_here(path))


def ilistdir(path=""):
    base = _here(path)
    for entry in _port.ilistdir(base):
        size = 0
        if entry[1] == 0x8000:
            size = _port.stat(base + "/" + entry[0])[6]
        yield (entry[0], entry[1], entry[2], size)


def listdir(path=""):
    return _port.listdir(_here(path))


def _absolute(path):
    parts = []
    for part in ((_port.getcwd() + "/" if path[:1] != "/" else "") + path).split("/"):
        if part == "..":
            parts = parts[:-1]
        elif part and part != ".":
            parts.append(part)
    return "/" + "/".join(parts)


def rmdir(path):
    # A board's VFS refuses to remove its root (EPERM) or a mount point (EINVAL); VfsPosix
    # would remove the folder under a mount.
    import vfs

    full = _absolute(path)
    if full == "/":
        raise OSError(1)
    if full in [point for _, point in vfs.mount()]:
        raise OSError(22)
    _port.rmdir(path)
`;
const BOARD_OS_FOLDER = "/dev/robocole";

const SYSTEM_DIRS = new Set(["dev", "proc", "home", "tmp"]);

function isFlashPath(p) {
  const top = p.split("/")[1];
  return top !== undefined && top !== "" && !SYSTEM_DIRS.has(top);
}

class Flash {
  // The board's flash: the in-memory filesystem of the WebAssembly build, loaded from a host
  // folder at power-on and written through to it by every change, in the order the board made
  // them, so that a power cut at any moment leaves the folder as the flash would be.
  constructor(FS, folder) {
    this.FS = FS;
    this.folder = folder;
  }

  host(p) {
    return path.join(this.folder, p);
  }

  load(dir = "/") {
    const hostDir = this.host(dir);
    for (const name of fs.readdirSync(hostDir)) {
      const p = path.posix.join(dir, name);
      if (!isFlashPath(p)) continue;
      const st = fs.statSync(this.host(p));
      if (st.isDirectory()) {
        this.FS.mkdir(p);
        this.load(p);
      } else {
        this.FS.writeFile(p, fs.readFileSync(this.host(p)));
      }
    }
  }

  install() {
    const FS = this.FS;
    const flash = this;
    FS.chdir("/");
    for (const p of ["/home/web_user", "/home", "/tmp"]) {
      try {
        FS.rmdir(p);
      } catch {}
    }
    // Paths come as strings, or as nodes when the FS calls itself (open truncating a file).
    const abs = (p) => path.posix.resolve(FS.cwd(), typeof p === "string" ? p : FS.getPath(p));
    const wrap = (name, after) => {
      const original = FS[name];
      FS[name] = function (...args) {
        const result = original.apply(this, args);
        after(result, ...args);
        return result;
      };
    };
    const O_CREAT = 64, O_TRUNC = 512, O_APPEND = 1024, O_ACCMODE = 3;
    wrap("open", (stream, p, flags) => {
      if (!stream || !isFlashPath(stream.path) || typeof flags !== "number") return;
      if ((flags & O_ACCMODE) === 0 && !(flags & (O_CREAT | O_TRUNC))) return;
      if (FS.isDir(stream.node.mode)) return;
      const hostFlags = fs.constants.O_WRONLY | fs.constants.O_CREAT | (flags & O_TRUNC ? fs.constants.O_TRUNC : 0);
      fs.closeSync(fs.openSync(flash.host(stream.path), hostFlags));
    });
    const write = FS.write;
    FS.write = function (stream, buffer, offset, length, position, canOwn) {
      const append = stream.flags & O_APPEND;
      const at = append ? stream.node.usedBytes : position ?? stream.position;
      const n = write.call(this, stream, buffer, offset, length, position, canOwn);
      if (n > 0 && isFlashPath(stream.path)) {
        const fd = fs.openSync(flash.host(stream.path), "r+");
        try {
          fs.writeSync(fd, Buffer.from(buffer.buffer, buffer.byteOffset + offset, n), 0, n, at);
        } finally {
          fs.closeSync(fd);
        }
      }
      return n;
    };
    const mirror = (action) => (_, p, ...rest) => {
      const a = abs(p);
      if (isFlashPath(a)) action(flash.host(a), ...rest);
    };
    wrap("rename", (_, from, to) => {
      const [a, b] = [abs(from), abs(to)];
      if (isFlashPath(a) && isFlashPath(b)) fs.renameSync(flash.host(a), flash.host(b));
    });
    wrap("unlink", mirror((p) => fs.unlinkSync(p)));
    wrap("rmdir", mirror((p) => fs.rmdirSync(p)));
    wrap("mkdir", mirror((p) => fs.mkdirSync(p)));
    wrap("truncate", mirror((p, len) => fs.truncateSync(p, len)));
    wrap("ftruncate", (_, fd, len) => {
      const stream = FS.getStream(fd);
      if (stream && isFlashPath(stream.path)) fs.truncateSync(flash.host(stream.path), len);
    });
    const readdir = FS.readdir;
    FS.readdir = function (p) {
      const names = readdir.call(this, p);
      return abs(p) === "/" ? names.filter((n) => !SYSTEM_DIRS.has(n)) : names;
    };
  }
}

async function interpreter() {
  const cfg = workerData.cfg;
  const c = new Int32Array(workerData.control);
  const f = new Float64Array(workerData.floats);
  const ring = new Uint16Array(workerData.ring);
  patchImports();
  const { loadMicroPython } = await import(pathToFileURL(cfg.mpModule).href);

  const out = Buffer.alloc(4096);
  let outLength = 0;
  let lastWasCR = false;
  const flush = () => {
    if (outLength) writeAll(1, out.subarray(0, outLength));
    outLength = 0;
  };
  const put = (b) => {
    if (outLength === out.length) flush();
    out[outLength++] = b;
  };
  // Boards send "\r\n" for a newline (cooked output); this port sends "\n".
  let muted = false; // what a fresh start prints that a board resuming does not send
  const stdout = (bytes) => {
    if (muted) return;
    for (const b of bytes) {
      if (b === 10 && !lastWasCR) put(13);
      put(b);
      lastWasCR = b === 13;
      // A board sends a printed line at once: a program stuck right after it still showed it.
      if (b === 10) flush();
    }
  };

  let mp = null;
  let runningFile = false;

  const interruptEnabled = () => runningFile || mp._module._mp_hal_get_interrupt_char() === 3;

  // Takes a Ctrl-C waiting in the receive buffer as KeyboardInterrupt, as the UART interrupt
  // of a board does while code runs. Returns true when one was taken.
  const pollInterrupt = () => {
    const w = Atomics.load(c, W);
    for (let i = Atomics.load(c, R); i !== w; i++) {
      if (ring[i % RING] === 3 && interruptEnabled()) {
        ring[i % RING] = SKIPPED;
        mp._module._mp_sched_keyboard_interrupt();
        return true;
      }
    }
    return false;
  };

  // At time scale 0 the clock moves only when the program waits, so each call costs its
  // time on a classroom robot (the simulator's costs, robot_firmware/sim/hardware.py): a
  // polling loop that never waits still sees time pass, and the robot move.
  const costs = cfg.costsUs || {};
  const hardwareCall = (kind = "", extraUs = 0) => {
    f[LAST_CALL_WALL] = wall();
    if (!f[REAL_TIME]) f[SKEW] += ((costs[kind] || 0) + extraUs) / 1000;
    flush();
  };
  const world = cfg.world;
  // Bits of the line reading, from the left: three sensors 4, 2, 1; two sensors 4, 1.
  const lineBits = cfg.lineSensors.length === 2 ? [4, 1] : [4, 2, 1];
  const readLine = () => {
    if (!world || world.line.length < 2) {
      return (f[LINE] > 0 ? 4 : 0) | (f[LINE + 1] > 0 ? 2 : 0) | (f[LINE + 2] > 0 ? 1 : 0);
    }
    lock(c);
    integrate(c, f, cfg, now(f));
    unlock(c);
    let bits = 0;
    cfg.lineSensors.forEach(([ahead, left], i) => {
      const [x, y] = onTable(f, ahead, left);
      if (overLine(world, x, y)) bits |= lineBits[i];
    });
    return bits;
  };
  // Centimetres from the robot's front to the obstacle ahead, -1 when out of range.
  const measure = () => {
    if (!Number.isNaN(f[DISTANCE])) return f[DISTANCE];
    lock(c);
    integrate(c, f, cfg, now(f));
    unlock(c);
    const h = (f[POSE_HEADING] * Math.PI) / 180;
    const [dx, dy] = [Math.cos(h), Math.sin(h)];
    const [ox, oy] = onTable(f, cfg.sonarAhead, 0);
    let best = Infinity;
    if (world) {
      for (const segment of world.segments) best = Math.min(best, rayHit(ox, oy, dx, dy, segment));
    } else if (!Number.isNaN(f[WALL]) && dx >= 0.2) {
      best = (f[WALL] - ox) / dx; // a wall across the track, at x = mur
    }
    const range = world ? world.sonarRange : 400;
    if (!(best >= 0 && best <= range)) return -1;
    // The echo is timed in whole microseconds, as the robots' drivers do (time_pulse_us).
    return (Math.floor((2 * best) / SOUND_CM_PER_US) * SOUND_CM_PER_US) / 2;
  };

  const setMotors = (left, right, cause) => {
    lock(c);
    const t = now(f);
    integrate(c, f, cfg, t);
    f[LEFT] = left;
    f[RIGHT] = right;
    Atomics.store(c, MOTORS_ON, left !== 0 || right !== 0 ? 1 : 0);
    unlock(c);
    const event = { e: "moteurs", g: left, d: right, ...pose(f) };
    if (cause) event.cause = cause;
    emit(cfg, f, event);
  };

  // Waits ms of robot time; true when a Ctrl-C came meanwhile (the wait then ends).
  const sleep = (ms) => {
    const scaled = ms * cfg.timeScale;
    f[SKEW] += ms - scaled;
    const end = performance.now() + scaled;
    for (;;) {
      if (pollInterrupt()) return true;
      const left = end - performance.now();
      if (left <= 0) return false;
      Atomics.wait(c, W, Atomics.load(c, W), Math.min(left, 20));
    }
  };

  // The clock MicroPython's C code reads (mp_js_ticks_ms): time.sleep() and time.sleep_ms()
  // are busy loops on it, so it is where they notice a Ctrl-C, as a board's UART interrupt
  // does. It is the robot's clock (the time scale applies, and ticks_ms() agrees with the
  // motors'); a loop that reads the same millisecond over and over waits for the next one,
  // instead of spinning a core of the PC. When a Ctrl-C is taken, the clock C sees jumps by
  // 2^31 ms: the wait in progress ends at once, and Python sees no jump, since
  // time.ticks_ms() keeps 30 bits and ticks_us() 32 bits of a thousand times the value.
  let clockJump = 0;
  let lastTick = -1;
  let sameTick = 0;
  const clock = () => {
    if (mp === null) return Math.floor(now(f));
    flush();
    let t = Math.floor(now(f));
    if (t !== lastTick) {
      lastTick = t;
      sameTick = 0;
    } else if (++sameTick >= 8) {
      sameTick = 0;
      if (sleep(1)) clockJump += 2 ** 31;
      t = Math.floor(now(f));
    }
    if (pollInterrupt()) clockJump += 2 ** 31;
    return t + clockJump;
  };

  const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, Number(v)));
  const hardware = {
    // Motor commands in percent, -100 (full reverse) to 100 (full forward).
    family: cfg.family,
    motors(left, right) {
      hardwareCall("motors");
      setMotors(clamp(left, -100, 100), clamp(right, -100, 100));
      pollInterrupt();
    },
    led(index, r, g, b) {
      hardwareCall("led");
      emit(cfg, f, { e: "led", i: index, rgb: [r, g, b] });
    },
    tone(frequency, ms) {
      hardwareCall("tone");
      emit(cfg, f, { e: "son", f: frequency, ms });
    },
    silence() {
      hardwareCall("silence");
      emit(cfg, f, { e: "silence" });
    },
    show(text) {
      hardwareCall("show");
      emit(cfg, f, { e: "ecran", texte: String(text) });
    },
    sleep_ms(ms) {
      hardwareCall();
      sleep(Math.max(0, Number(ms)));
      f[LAST_CALL_WALL] = wall();
    },
    ticks_ms() {
      hardwareCall("ticks_ms");
      pollInterrupt();
      return Math.floor(now(f)) & 0x3fffffff;
    },
    // Distance to the wall ahead in cm, or -1 when nothing is in range (as real sensors).
    distance_cm() {
      pollInterrupt();
      const cm = measure();
      // The ping and its echo take their time (the simulator's sonar costs).
      hardwareCall("", cm < 0 ? SONAR_TIMEOUT_US : SONAR_BASE_US + (2 * cm) / SOUND_CM_PER_US);
      return cm;
    },
    // Line sensors as a number: bit 2 left, bit 1 centre, bit 0 right (1: black line seen).
    line() {
      hardwareCall("line");
      pollInterrupt();
      return readLine();
    },
    // One sensor's bit, as a board reads one pin or ADC (a reading costs its share).
    line_bit(bit) {
      hardwareCall("", (costs.line || 0) / cfg.lineSensors.length);
      pollInterrupt();
      return readLine() & bit;
    },
    button() {
      hardwareCall("button");
      pollInterrupt();
      return f[BUTTON] > 0 ? 1 : 0;
    },
    poll() {
      hardwareCall();
      pollInterrupt();
    },
  };

  const runFile = (name) => {
    const quoted = JSON.stringify(name);
    runningFile = true;
    Atomics.store(c, RUNNING, 1);
    try {
      mp.runPython(
        `import os as _os\ntry:\n _os.stat(${quoted})\n _f = True\nexcept OSError:\n _f = False\ndel _os\n` +
          `if _f:\n try:\n  exec(compile(open(${quoted}).read(), ${quoted}, 'exec'))\n` +
          ` except SystemExit:\n  pass\n except BaseException as _e:\n  import sys\n  sys.print_exception(_e)\n  del _e\ndel _f\n`,
      );
    } catch (e) {
      stdout(Buffer.from(`${e.message}\n`));
    } finally {
      runningFile = false;
      Atomics.store(c, RUNNING, 0);
      flush();
    }
  };

  const start = async (runMain, rawRepl, softReboot) => {
    mp = null;
    mp = await loadMicroPython({ stdout, linebuffer: false, heapsize: cfg.heapsize });
    Atomics.store(c, STARTED, 1);
    const flash = new Flash(mp.FS, cfg.flash);
    flash.load();
    flash.install();
    mp.registerJsModule("robocole_virtual", hardware);
    clockHook = clock;
    try {
      mp.FS.mkdir(BOARD_OS_FOLDER);
    } catch {}
    mp.FS.writeFile(`${BOARD_OS_FOLDER}/rb_os_carte.py`, BOARD_OS);
    // The family's built-in modules (microbit, machine...), first on the path as a board's.
    const builtins = `${BOARD_OS_FOLDER}/modules`;
    try {
      mp.FS.mkdir(builtins);
    } catch {}
    for (const [name, source] of Object.entries(cfg.boardModules || {})) {
      mp.FS.writeFile(`${builtins}/${name}`, source);
    }
    const modulesFirst = Object.keys(cfg.boardModules || {}).length
      ? `sys.path.insert(0, ${JSON.stringify(builtins)})\n`
      : "";
    mp.runPython(
      `import sys\nsys.path.insert(0, ${JSON.stringify(BOARD_OS_FOLDER)})\nimport rb_os_carte\n` +
        `sys.path.pop(0)\nsys.modules["os"] = sys.modules.pop("rb_os_carte")\n${modulesFirst}` +
        `del sys, rb_os_carte\n`,
    );
    if (cfg.interrupted) {
      resumeInterrupted(cfg.interrupted);
      return;
    }
    if (softReboot) stdout(Buffer.from("MPY: soft reboot\n"));
    emit(cfg, f, { e: softReboot ? "redemarrage" : "demarrage" });
    runFile("boot.py");
    if (runMain && !rawRepl) runFile("main.py");
    // What the interpreter says on start-up goes out, except the banner in raw REPL mode.
    if (rawRepl) {
      const keep = outLength;
      mp.replInit();
      outLength = keep;
      mp.replProcessChar(1);
    } else {
      mp.replInit();
    }
    flush();
    // Everything the start-up did is recorded before this: tests wait for it.
    emit(cfg, f, { e: "pret" });
  };

  // Code that never reads the clock nor calls the hardware (`while True: pass`) cannot take
  // a Ctrl-C in this port: the main thread then ends this interpreter and starts another
  // one here, which answers as a board does after KeyboardInterrupt: in the raw REPL, the
  // end of the command's output, the error, and the prompt; else the error and ">>> ".
  // Only the program's variables are lost (a board keeps them): the files are all there.
  const resumeInterrupted = (mode) => {
    const error = "Traceback (most recent call last):\nKeyboardInterrupt: \n";
    muted = true;
    mp.replInit();
    if (mode === "raw") mp.replProcessChar(1);
    muted = false;
    emit(cfg, f, { e: "reinitialisation", cause: "programme bloque" });
    stdout(Buffer.from(mode === "raw" ? `\x04${error}\x04>` : `${error}>>> `));
    flush();
    emit(cfg, f, { e: "pret" });
  };

  let raw = cfg.interrupted === "raw";
  await start(cfg.runMain, raw, false);
  Atomics.store(c, RAW, raw ? 1 : 0);
  for (;;) {
    const w = Atomics.load(c, W);
    const r = Atomics.load(c, R);
    if (r === w) {
      flush();
      Atomics.wait(c, W, w, 1000);
      continue;
    }
    const byte = ring[r % RING];
    Atomics.store(c, R, r + 1);
    if (byte === SKIPPED) continue;
    if (byte === 1) raw = true;
    else if (byte === 2) raw = false;
    Atomics.store(c, RAW, raw ? 1 : 0);
    f[LAST_CALL_WALL] = wall();
    // In the raw REPL, Ctrl-D runs the command received, inside replProcessChar.
    Atomics.store(c, RUNNING, raw && byte === 4 ? 1 : 0);
    const reset = mp.replProcessChar(byte);
    Atomics.store(c, RUNNING, 0);
    if (reset) {
      // Ctrl-D on an empty line: a soft reset, as on a board (boot.py, then main.py unless
      // the raw REPL is in use). Motors stop, as the interpreter's state is lost.
      flush();
      if (Atomics.load(c, MOTORS_ON)) setMotors(0, 0, "redemarrage");
      await start(true, raw, true);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The main thread: receives serial bytes, sensor values, and watches the interpreter.

function main() {
  const cfg = JSON.parse(process.argv[2]);
  const control = new SharedArrayBuffer(4 * 8);
  const floats = new SharedArrayBuffer(8 * FLOATS);
  const ringBuffer = new SharedArrayBuffer(2 * RING);
  const c = new Int32Array(control);
  const f = new Float64Array(floats);
  const ring = new Uint16Array(ringBuffer);
  f[EPOCH] = wall();
  f[LAST_CALL_WALL] = wall();
  f[REAL_TIME] = cfg.timeScale > 0 ? 1 : 0;
  f[DISTANCE] = NaN;
  f[WALL] = NaN;
  f[LINE] = f[LINE + 1] = f[LINE + 2] = 0;
  if (cfg.world) [f[POSE_X], f[POSE_Y], f[POSE_HEADING]] = cfg.world.start;

  const applyState = (state) => {
    if ("distance" in state) f[DISTANCE] = state.distance === null ? NaN : state.distance;
    if ("mur" in state) f[WALL] = state.mur === null ? NaN : state.mur;
    if ("ligne" in state) state.ligne.forEach((v, i) => (f[LINE + i] = v ? 1 : 0));
    if ("bouton" in state) f[BUTTON] = state.bouton ? 1 : 0;
  };
  applyState(cfg.state || {});

  let worker = null;
  let watchedInterrupt = null; // [ring index, wall ms] of a Ctrl-C not yet taken
  const spawn = (runMain, interrupted = null) => {
    worker = new Worker(new URL(import.meta.url), {
      workerData: { cfg: { ...cfg, runMain, interrupted }, control, floats, ring: ringBuffer },
    });
    worker.on("error", (e) => {
      process.stderr.write(`virtual robot: ${e.stack || e}\n`);
      process.exit(70);
    });
  };

  // Serial input: into the ring, with flow control when the board is busy.
  const pending = [];
  const pump = () => {
    while (pending.length) {
      const chunk = pending[0];
      const w = Atomics.load(c, W);
      const space = RING - (w - Atomics.load(c, R));
      const n = Math.min(space, chunk.length);
      for (let i = 0; i < n; i++) {
        ring[(w + i) % RING] = chunk[i];
        if (chunk[i] === 3 && watchedInterrupt === null) watchedInterrupt = [w + i, Date.now()];
      }
      Atomics.store(c, W, w + n);
      Atomics.notify(c, W);
      if (n === chunk.length) pending.shift();
      else {
        pending[0] = chunk.subarray(n);
        process.stdin.pause();
        setTimeout(() => {
          process.stdin.resume();
          pump();
        }, 2);
        return;
      }
    }
  };
  process.stdin.on("data", (chunk) => {
    pending.push(chunk);
    pump();
  });
  process.stdin.on("end", () => process.exit(0));

  let controlBuffer = "";
  fs.createReadStream(null, { fd: cfg.controlFd }).on("data", (data) => {
    controlBuffer += data.toString();
    let i;
    while ((i = controlBuffer.indexOf("\n")) >= 0) {
      const line = controlBuffer.slice(0, i);
      controlBuffer = controlBuffer.slice(i + 1);
      if (line.trim()) applyState(JSON.parse(line));
    }
  });

  setInterval(() => {
    // The motor watchdog: motors left running while the program stopped talking to the
    // hardware are stopped, as the driver of a real robot does.
    if (Atomics.load(c, MOTORS_ON) && wall() - f[LAST_CALL_WALL] > cfg.watchdogMs) {
      lock(c);
      integrate(c, f, cfg, now(f));
      f[LEFT] = 0;
      f[RIGHT] = 0;
      Atomics.store(c, MOTORS_ON, 0);
      unlock(c);
      emit(cfg, f, { e: "moteurs", g: 0, d: 0, cause: "chien de garde", ...pose(f) });
    }
    // A Ctrl-C that the running code did not take: the program never calls the hardware
    // (`while True: pass`). Restart the interpreter, without main.py, as after a reset.
    if (watchedInterrupt !== null) {
      const [index, since] = watchedInterrupt;
      if (ring[index % RING] === SKIPPED || Atomics.load(c, R) > index) {
        watchedInterrupt = null;
      } else if (!Atomics.load(c, STARTED)) {
        watchedInterrupt = [index, Date.now()]; // still loading: not stuck
      } else if (Date.now() - since > cfg.interruptGraceMs) {
        watchedInterrupt = null;
        ring[index % RING] = SKIPPED;
        const running = Atomics.load(c, RUNNING);
        const mode = Atomics.load(c, RAW) ? "raw" : "friendly";
        const old = worker;
        old.removeAllListeners("error");
        old.terminate().then(() => {
          if (Atomics.load(c, MOTORS_ON)) {
            lock(c);
            integrate(c, f, cfg, now(f));
            f[LEFT] = 0;
            f[RIGHT] = 0;
            Atomics.store(c, MOTORS_ON, 0);
            unlock(c);
            emit(cfg, f, { e: "moteurs", g: 0, d: 0, cause: "reinitialisation", ...pose(f) });
          }
          Atomics.store(c, LOCK, 0);
          Atomics.store(c, STARTED, 0);
          Atomics.store(c, RUNNING, 0);
          if (running) {
            spawn(false, mode);
          } else {
            emit(cfg, f, { e: "reinitialisation", cause: "programme bloque" });
            spawn(false);
          }
        });
      }
    }
  }, 20);

  spawn(cfg.runMain);
}

if (isMainThread) main();
else await interpreter();
