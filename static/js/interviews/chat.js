/* The assistant page: questions go over /ws/chat/ (the session cookie authenticates it);
 * while the socket is not open they are posted to the page itself asking for JSON. The
 * conversation is kept here and in the form's hidden history field, so the plain form post
 * (no script) and the JSON fallback carry it too. */
(function () {
  "use strict";

  var RECONNECT_MS = 3000;

  var root = document.querySelector("[data-chat]");
  if (!root) {
    return;
  }
  var log = root.querySelector("[data-chat-log]");
  var form = root.querySelector("[data-chat-form]");
  var input = form.querySelector("[name=user_input]");
  var historyField = form.querySelector("[name=history]");
  var status = root.querySelector("[data-chat-status]");
  var button = form.querySelector("button[type=submit]");
  var history = [];
  var socket = null;
  var waiting = false;

  try {
    history = JSON.parse(historyField.value || "[]");
  } catch (error) {
    history = [];
  }

  function say(text) {
    status.textContent = text;
    status.hidden = false;
  }

  function describe(metadata) {
    if (!metadata) {
      return "";
    }
    if (metadata.from_qa) {
      return "From: " + metadata.matched_question + " (match " + Math.round(metadata.similarity * 100) + "%)";
    }
    return "Not found in your records";
  }

  function append(type, text, note) {
    var item = document.createElement("li");
    item.className = "chat__message chat__message--" + type;
    var who = document.createElement("span");
    who.className = "visually-hidden";
    who.textContent = type === "human" ? "You:" : "Assistant:";
    var body = document.createElement("p");
    body.className = "mb-0";
    body.textContent = text;
    item.appendChild(who);
    item.appendChild(body);
    if (note) {
      var small = document.createElement("p");
      small.className = "chat__note text-small mb-0";
      small.textContent = note;
      item.appendChild(small);
    }
    log.appendChild(item);
    item.scrollIntoView({ block: "nearest" });
  }

  function remember(type, text) {
    history.push({ type: type, content: text });
    historyField.value = JSON.stringify(history.slice(-100));
  }

  function busy(on) {
    waiting = on;
    button.disabled = on;
    form.setAttribute("aria-busy", on ? "true" : "false");
  }

  function answered(text, metadata) {
    busy(false);
    append("ai", text, describe(metadata));
    remember("ai", text);
  }

  function postQuestion(question) {
    var data = new FormData(form);
    data.set("user_input", question);
    data.set("history", JSON.stringify(history.slice(0, -1)));
    fetch(window.location.pathname, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        if (response.status === 429) {
          throw new Error("Too many questions for now. Wait a little and ask again.");
        }
        if (!response.ok) {
          throw new Error("The question could not be answered. Check it and try again.");
        }
        return response.json();
      })
      .then(function (body) {
        answered(body.response, body.metadata);
      })
      .catch(function (error) {
        busy(false);
        say(error.message || "Could not reach the assistant. Try again.");
      });
  }

  function ask(question) {
    question = question.trim();
    if (!question || waiting) {
      return;
    }
    busy(true);
    append("human", question, "");
    remember("human", question);
    input.value = "";
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ type: "message", content: question }));
    } else {
      postQuestion(question);
    }
  }

  function connect() {
    if (!("WebSocket" in window)) {
      say("Answers come over the page itself.");
      return;
    }
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    try {
      socket = new WebSocket(scheme + window.location.host + root.getAttribute("data-socket-path"));
    } catch (error) {
      say("Answers come over the page itself.");
      return;
    }
    socket.addEventListener("message", function (event) {
      var message;
      try {
        message = JSON.parse(event.data);
      } catch (error) {
        return;
      }
      if (message.type === "system") {
        say("Connected.");
      } else if (message.type === "message") {
        answered(message.content, message.metadata);
      } else if (message.type === "error" && waiting) {
        busy(false);
        say(message.detail || "The question could not be answered.");
      }
    });
    socket.addEventListener("close", function () {
      socket = null;
      say("Reconnecting… questions are sent over the page meanwhile.");
      window.setTimeout(connect, RECONNECT_MS);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    ask(input.value);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      ask(input.value);
    }
  });
  Array.prototype.forEach.call(root.querySelectorAll("[data-chat-suggestion]"), function (chip) {
    chip.hidden = false;
    chip.nextElementSibling.hidden = true;
    chip.addEventListener("click", function () {
      ask(chip.textContent);
    });
  });
  connect();
})();
