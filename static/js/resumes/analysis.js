/* Analysis page: follow a running analysis live and reload to show its result.
 *
 * Listens on /ws/analyses/<id>/ (the session cookie authenticates it); when the socket
 * cannot connect or drops, asks the page's status.json every 2 s instead. Both send
 * {job_id, state, progress, message}. Without this script the page offers a Refresh link.
 */
(function () {
  "use strict";

  var POLL_MS = 2000;

  var root = document.querySelector("[data-analysis]");
  if (!root) {
    return;
  }
  var bar = root.querySelector("progress");
  var percent = root.querySelector("[data-progress-text]");
  var step = root.querySelector("[data-analysis-step]");
  var running = root.querySelector("[data-analysis-running]");
  var failed = root.querySelector("[data-analysis-failed]");
  var errorText = root.querySelector("[data-analysis-error]");
  var refreshHint = root.querySelector("[data-analysis-refresh]");
  var finished = false;
  var polling = false;

  function showProgress(message) {
    if (message.state === "queued") {
      // No value: the bar shows an indeterminate "waiting" stripe.
      bar.removeAttribute("value");
      percent.textContent = "Waiting…";
      return;
    }
    bar.value = message.progress;
    bar.textContent = message.progress + "%";
    percent.textContent = message.progress + "%";
  }

  function showFailure(text) {
    running.hidden = true;
    errorText.textContent = text || "The analysis failed.";
    failed.hidden = false;
  }

  function show(message) {
    if (finished || !message || !message.state) {
      return;
    }
    if (message.state === "failed") {
      finished = true;
      showFailure(message.message);
      return;
    }
    showProgress(message);
    if (message.state === "completed") {
      finished = true;
      step.textContent = "Analysis complete. Loading the result…";
      window.location.reload();
      return;
    }
    if (message.message) {
      step.textContent = message.message;
    }
  }

  function poll() {
    if (polling || finished) {
      return;
    }
    polling = true;

    function ask() {
      fetch(root.getAttribute("data-status-url"), {
        credentials: "same-origin",
        cache: "no-store",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          if (response.redirected) {
            // Signed out meanwhile: the reload shows the sign-in page.
            window.location.reload();
            return null;
          }
          if (response.status === 404) {
            finished = true;
            step.textContent = "This analysis no longer exists.";
            return null;
          }
          return response.ok ? response.json() : null;
        })
        .then(show)
        .catch(function () {
          // Offline for a moment: the next tick asks again.
        })
        .then(function () {
          if (!finished) {
            window.setTimeout(ask, POLL_MS);
          }
        });
    }

    ask();
  }

  function listen() {
    if (!("WebSocket" in window)) {
      poll();
      return;
    }
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket;
    try {
      socket = new WebSocket(scheme + window.location.host + root.getAttribute("data-socket-path"));
    } catch (error) {
      poll();
      return;
    }
    socket.addEventListener("message", function (event) {
      try {
        show(JSON.parse(event.data));
      } catch (error) {
        // Not our message format; the next one will do.
      }
    });
    // A failed connection also ends in "close"; the server closes only after the last state.
    socket.addEventListener("close", function () {
      if (!finished) {
        poll();
      }
    });
  }

  if (refreshHint) {
    refreshHint.hidden = true;
  }
  listen();
})();
