// What JupyterHub's own scripts (home, token, admin) expect, set up without inline script:
// the hub's Content-Security-Policy allows only files. The page gives window.jhdata as a
// JSON block and RequireJS's settings as data- attributes of this script's tag.
(function () {
  "use strict";
  var tag = document.currentScript;
  window.jhdata = JSON.parse(document.getElementById("jupyterhub-data").textContent);
  var config = {
    baseUrl: tag.dataset.requireBase,
    paths: {
      components: "../components",
      jquery: "../components/jquery/dist/jquery.min",
      "js-sha256": "../components/js-sha256/build/sha256.min",
      moment: "../components/moment/moment",
    },
  };
  if (tag.dataset.version) {
    config.urlArgs = "v=" + tag.dataset.version;
  }
  window.require.config(config);
  var module = tag.dataset.module;
  if (module) {
    // After the page is parsed, as the inline require([...]) at the end of the body did.
    document.addEventListener("DOMContentLoaded", function () {
      window.require([module]);
    });
  }
})();
