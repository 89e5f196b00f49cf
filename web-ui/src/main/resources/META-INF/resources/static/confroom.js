// confroom page glue: the CSRF header on every htmx request, htmx settings that fit the
// Content-Security-Policy, and a full reload to the login page when a session has expired.
(function () {
  'use strict';
  function csrfToken() {
    var m = document.querySelector('meta[name="csrf-token"]');
    return m ? m.content : '';
  }
  htmx.config.includeIndicatorStyles = false;
  htmx.config.allowEval = false;
  htmx.config.allowScriptTags = false;
  htmx.config.selfRequestsOnly = true;
  htmx.config.responseHandling = [
    { code: '204', swap: false },
    { code: '[23]..', swap: true },
    { code: '[45]..', swap: true, error: true }
  ];
  document.addEventListener('htmx:configRequest', function (e) {
    e.detail.headers['X-CSRF-TOKEN'] = csrfToken();
  });
  document.addEventListener('htmx:beforeSwap', function (e) {
    var url = e.detail.xhr && e.detail.xhr.responseURL;
    if (url && new URL(url).pathname === '/login') {
      e.detail.shouldSwap = false;
      window.location.assign('/login');
    }
  });
  document.addEventListener('htmx:afterRequest', function (e) {
    // a successful command clears an old error message
    if (e.detail.successful && e.detail.target && e.detail.target.id !== 'flash') {
      var flash = document.getElementById('flash');
      if (flash && e.detail.requestConfig && e.detail.requestConfig.verb !== 'get') { flash.innerHTML = ''; }
    }
  });
  document.addEventListener('htmx:sendError', function () {
    var flash = document.getElementById('flash');
    if (flash) { flash.innerHTML = '<div class="notice error">confroom does not answer: check your connection and try again.</div>'; }
  });
})();
