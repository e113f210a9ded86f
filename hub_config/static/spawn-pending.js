// The "your workspace is getting ready" page: follows JupyterHub's progress events
// (EventSource) and reloads when the server is ready, which sends the child on to it.
(function () {
  "use strict";
  var page = document.getElementById("spawn-pending");
  var bar = document.getElementById("progress");
  var failed = document.getElementById("progress-failed");
  var log = document.getElementById("progress-log");
  var events = new EventSource(page.dataset.progressUrl);
  events.onmessage = function (message) {
    var event = JSON.parse(message.data);
    if (event.progress !== undefined) {
      bar.value = event.progress;
    }
    if (event.message) {
      var line = document.createElement("div");
      line.textContent = event.message;  // text, never HTML
      log.appendChild(line);
    }
    if (event.ready) {
      events.close();
      window.location.reload();
    }
    if (event.failed) {
      events.close();
      failed.hidden = false;
    }
  };
})();
