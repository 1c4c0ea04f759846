// The desk's only script of its own (no inline scripts: the Content-Security-Policy forbids them).
(function () {
  "use strict";
  // Inside Telegram the Mini App is opened with its signed initData in the address's fragment:
  // post it once to get a session, then reload the page that was asked for.
  function signInFromTelegram() {
    var box = document.getElementById("signin");
    if (!box) return;
    var hash = new URLSearchParams(window.location.hash.slice(1));
    var initData = hash.get("tgWebAppData");
    if (!initData) return;
    var status = document.getElementById("signin-status");
    function say(text, warn) {
      if (!status) return;
      status.textContent = text;
      status.className = warn ? "warn" : "muted";
      status.hidden = false;
    }
    say("…");
    var body = new URLSearchParams();
    body.set("init_data", initData);
    fetch(box.dataset.webapp, {method: "POST", body: body, credentials: "same-origin"}).then(function (r) {
      if (r.ok) {
        window.location.replace(window.location.pathname === "/signin" ? "/" : window.location.pathname);
      } else {
        say(status.dataset.refused, true);  // not staff of this committee, or Telegram's sign-in too old: in words
      }
    }, function () {
      say(status.dataset.offline, true);
    });
  }

  // A session that ran out under an open page (the Now list polling, a button tapped): the page reloads and says
  // how to sign in again, instead of silently showing an old list and ignoring taps. A tap refused for an old CSRF
  // token (she signed in again in another tab) reloads the page with the new session's, so the next tap works.
  document.addEventListener("htmx:responseError", function (e) {
    var status = e.detail.xhr ? e.detail.xhr.status : 0;
    if (status === 401 || status === 403) window.location.reload();
  });

  function drawCharts() {
    if (typeof Chart === "undefined") return;
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      new Chart(canvas, JSON.parse(canvas.dataset.chart));
      canvas.dataset.drawn = "1";
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    signInFromTelegram();
    drawCharts();
  });
})();
