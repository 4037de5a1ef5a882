/* Header bell: the unread count, fed by /ws/notifications/ (the session cookie signs it in).
 *
 * The greeting {type: "connection_success", unread} sets the count, and every pushed
 * message that carries `unread` updates it, so no page render pays a query for it. The
 * socket reconnects with a growing delay; a socket that closes on navigation or cannot
 * open stays quiet (the bell still links to the notification page).
 */
(function () {
  "use strict";

  var FIRST_DELAY_MS = 1000;
  var MAX_DELAY_MS = 60000;
  var bell = document.querySelector("[data-notification-bell]");
  if (!bell || !("WebSocket" in window)) {
    return;
  }
  var count = bell.querySelector("[data-bell-count]");
  var label = bell.querySelector("[data-bell-label]");
  var delay = FIRST_DELAY_MS;
  var leaving = false;

  function showUnread(unread) {
    if (typeof unread !== "number" || unread < 0) {
      return;
    }
    count.textContent = unread > 99 ? "99+" : String(unread);
    count.hidden = unread === 0;
    label.textContent = unread === 0 ? "Notifications" : "Notifications, " + unread + " unread";
    bell.setAttribute("data-unread", String(unread));
  }

  function reconnectLater() {
    if (leaving) {
      return;
    }
    window.setTimeout(connect, delay);
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket;
    try {
      socket = new WebSocket(scheme + window.location.host + "/ws/notifications/");
    } catch (error) {
      reconnectLater();
      return;
    }
    socket.addEventListener("message", function (event) {
      var message;
      try {
        message = JSON.parse(event.data);
      } catch (error) {
        return;
      }
      if (message && message.type === "connection_success") {
        delay = FIRST_DELAY_MS;
      }
      if (message && "unread" in message) {
        showUnread(message.unread);
      }
    });
    socket.addEventListener("error", function () {
      // The close event follows and schedules the retry.
    });
    socket.addEventListener("close", reconnectLater);
  }

  window.addEventListener("pagehide", function () {
    leaving = true;
  });
  window.addEventListener("pageshow", function (event) {
    // Back from the page cache: the old socket is gone, open a new one.
    if (event.persisted) {
      leaving = false;
      delay = FIRST_DELAY_MS;
      connect();
    }
  });
  connect();
})();
