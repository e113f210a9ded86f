// JupyterHub's admin page reads these two globals; its template set them inline.
(function () {
  "use strict";
  var tag = document.currentScript;
  window.api_page_limit = parseInt(tag.dataset.apiPageLimit, 10);
  window.base_url = tag.dataset.baseUrl;
})();
