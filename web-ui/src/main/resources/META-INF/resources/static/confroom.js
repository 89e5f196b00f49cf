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
  // A live fragment (SSE) replaces its part of the page; what the user was doing in it survives:
  // values typed or chosen in form controls that have an id, and the keyboard focus.
  var kept = null;
  document.addEventListener('htmx:sseBeforeMessage', function (e) {
    var target = e.detail.elt;
    kept = { values: {}, focus: null };
    if (!target || !target.querySelectorAll) { return; }
    target.querySelectorAll('input[id], select[id], textarea[id]').forEach(function (c) {
      if (c.type === 'hidden') { return; }
      var changed = c.tagName === 'SELECT' ? !c.options[c.selectedIndex] || !c.options[c.selectedIndex].defaultSelected
        : (c.type === 'checkbox' || c.type === 'radio') ? c.checked !== c.defaultChecked : c.value !== c.defaultValue;
      if (changed) { kept.values[c.id] = (c.type === 'checkbox' || c.type === 'radio') ? c.checked : c.value; }
    });
    var active = document.activeElement;
    if (active && active.id && target.contains(active)) { kept.focus = active.id; }
  });
  document.addEventListener('htmx:sseMessage', function () {
    if (!kept) { return; }
    Object.keys(kept.values).forEach(function (id) {
      var c = document.getElementById(id);
      if (!c) { return; }
      if (c.type === 'checkbox' || c.type === 'radio') { c.checked = kept.values[id]; } else { c.value = kept.values[id]; }
    });
    if (kept.focus) {
      var f = document.getElementById(kept.focus);
      if (f && document.activeElement !== f) { f.focus(); }
    }
    kept = null;
  });
  document.addEventListener('htmx:sendError', function () {
    var flash = document.getElementById('flash');
    if (flash) { flash.innerHTML = '<div class="notice error">confroom does not answer: check your connection and try again.</div>'; }
  });
})();
