/* Footprint page: follow a running scan live and reload to show its scores.
 *
 * Listens on /ws/notifications/ (the session cookie authenticates it) for
 * {type: "footprint_progress", scan_id, state, progress, message}; when the socket cannot
 * connect or drops, asks the scan's status.json every 2 s instead. Without this script the
 * page offers a Refresh link.
 */
(function () {
  "use strict";

  var POLL_MS = 2000;
  var root = document.querySelector("[data-footprint-scan]");
  if (!root) {
    return;
  }
  var scanId = root.getAttribute("data-footprint-scan");
  var bar = root.querySelector("progress");
  var percent = root.querySelector("[data-progress-text]");
  var step = root.querySelector("[data-scan-step]");
  var running = root.querySelector("[data-scan-running]");
  var failed = root.querySelector("[data-scan-failed]");
  var errorText = root.querySelector("[data-scan-error]");
  var refreshHint = root.querySelector("[data-scan-refresh]");
  var finished = false;
  var polling = false;

  function show(message) {
    if (finished || !message || message.scan_id !== scanId) {
      return;
    }
    if (message.state === "failed") {
      finished = true;
      running.hidden = true;
      errorText.textContent = message.message || "The scan failed.";
      failed.hidden = false;
      return;
    }
    if (message.state !== "queued") {
      bar.value = message.progress;
      bar.textContent = message.progress + "%";
      percent.textContent = message.progress + "%";
    }
    if (message.message) {
      step.textContent = message.message;
    }
    if (message.state === "completed") {
      finished = true;
      step.textContent = "Scan complete. Loading the scores…";
      window.location.reload();
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
            window.location.reload();
            return null;
          }
          if (response.status === 404) {
            finished = true;
            step.textContent = "This scan no longer exists.";
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
      socket = new WebSocket(scheme + window.location.host + "/ws/notifications/");
    } catch (error) {
      poll();
      return;
    }
    socket.addEventListener("message", function (event) {
      try {
        var message = JSON.parse(event.data);
        if (message.type === "connection_success") {
          // Joined: a step published before we joined would be missed, so read the state.
          poll();
          return;
        }
        show(message);
      } catch (error) {
        // Not our message format; the next one will do.
      }
    });
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
