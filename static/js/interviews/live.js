/* The live AI interview in the browser, over /ws/ai-interview/ (the session cookie
 * authenticates the socket).
 *
 * Setup page ([data-live-setup]): sends initialize_interview and, on `welcome`, opens the
 * interview's own page. Interview page ([data-live]): connects with ?session_id=, so the
 * server sends the unanswered question again (or the analysis, once finished); shows the
 * phase progress, the question, a timer per question; reconnects after a drop with a
 * growing delay and keeps the typed answer, so the place is never lost.
 */
(function () {
  "use strict";

  var RETRY_MS = [500, 1000, 2000, 4000, 8000];

  function socketUrl(path) {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    return scheme + window.location.host + path;
  }

  function errorText(message) {
    if (message.errors) {
      var lines = [];
      Object.keys(message.errors).forEach(function (field) {
        lines.push(message.errors[field].join(" "));
      });
      return lines.join(" ") || message.detail;
    }
    return message.detail || "Something went wrong.";
  }

  /* --- The setup form ---------------------------------------------------------------- */

  function setup(form) {
    var error = form.querySelector("[data-live-setup-error]");
    var button = form.querySelector("button[type=submit]");

    function fail(text) {
      error.textContent = text;
      error.hidden = false;
      button.disabled = false;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      error.hidden = true;
      button.disabled = true;
      var data = new FormData(form);
      var message = { type: "initialize_interview", resume_id: data.get("resume_id") };
      if (data.get("job_id")) {
        message.job_id = Number(data.get("job_id"));
      } else {
        message.job_title = String(data.get("job_title") || "").trim();
        message.job_description = String(data.get("job_description") || "").trim();
        if (!message.job_title && !message.job_description) {
          fail("Choose a saved job, or give a job title or description.");
          return;
        }
      }
      var socket = new WebSocket(socketUrl(form.getAttribute("data-socket-path")));
      socket.addEventListener("message", function (event) {
        var received = JSON.parse(event.data);
        if (received.type === "connection_success") {
          socket.send(JSON.stringify(message));
        } else if (received.type === "welcome") {
          socket.close();
          window.location.assign(form.getAttribute("data-session-url") + received.session_id + "/");
        } else if (received.type === "error") {
          socket.close();
          fail(errorText(received));
        }
      });
      socket.addEventListener("close", function (event) {
        if (event.code !== 1000 && event.code !== 1005 && button.disabled) {
          fail("The connection closed. Try again.");
        }
      });
    });
  }

  /* --- The interview page ------------------------------------------------------------ */

  function interview(root) {
    var status = root.querySelector("[data-live-status]");
    var invited = root.querySelector("[data-live-invited]");
    var welcome = root.querySelector("[data-live-welcome]");
    var instructions = root.querySelector("[data-live-instructions]");
    var turn = root.querySelector("[data-live-turn]");
    var meta = root.querySelector("[data-live-meta]");
    var questionText = root.querySelector("[data-live-question]");
    var form = root.querySelector("[data-live-answer]");
    var answer = form.querySelector("textarea");
    var sendButton = form.querySelector("button[type=submit]");
    var error = root.querySelector("[data-live-error]");
    var timerValue = root.querySelector("[data-timer-value]");
    var steps = root.querySelectorAll("[data-phase]");
    var socket = null;
    var attempt = 0;
    var finished = false;
    var current = null;
    var startedAt = Date.now();

    function say(text) {
      status.textContent = text;
    }

    function showError(text) {
      error.textContent = text;
      error.hidden = !text;
    }

    function markPhases(phase) {
      var reached = false;
      for (var i = steps.length - 1; i >= 0; i -= 1) {
        var step = steps[i];
        var isCurrent = step.getAttribute("data-phase") === phase;
        step.classList.toggle("live-phases__step--current", isCurrent);
        if (isCurrent) {
          step.setAttribute("aria-current", "step");
        } else {
          step.removeAttribute("aria-current");
        }
        step.classList.toggle("live-phases__step--done", reached);
        reached = reached || isCurrent;
      }
    }

    function tick() {
      var total = Math.round((Date.now() - startedAt) / 1000);
      var rest = total % 60;
      timerValue.textContent = Math.floor(total / 60) + ":" + (rest < 10 ? "0" : "") + rest;
    }

    // The typed answer survives a reload of the page (this tab only).
    function draftKey() {
      return "live-answer:" + root.getAttribute("data-session-id") + ":" + current.question_id;
    }

    function readDraft() {
      try {
        return window.sessionStorage.getItem(draftKey()) || "";
      } catch (ignored) {
        return "";
      }
    }

    function keepDraft() {
      try {
        window.sessionStorage.setItem(draftKey(), answer.value);
      } catch (ignored) {
        // Storage can be off (private mode); the answer then lives in the page only.
      }
    }

    function send(message) {
      if (socket && socket.readyState === WebSocket.OPEN) {
        socket.send(JSON.stringify(message));
        return true;
      }
      showError("Not connected; reconnecting…");
      return false;
    }

    function showQuestion(message) {
      var same = current && current.question_id === message.question_id;
      current = message;
      invited.hidden = true;
      turn.hidden = false;
      markPhases(message.phase);
      meta.textContent = "Question " + message.number + " of " + message.total_questions;
      questionText.textContent = message.text;
      sendButton.disabled = false;
      if (!same) {
        answer.value = readDraft();
        startedAt = Date.now();
        questionText.focus();
      }
      say("Connected.");
    }

    var handlers = {
      connection_success: function (message) {
        attempt = 0;
        if (message.status === "invited") {
          invited.hidden = false;
          say("Connected.");
        } else {
          say("Connected. Loading your question…");
        }
      },
      welcome: function (message) {
        instructions.textContent = "";
        message.instructions.forEach(function (line) {
          var item = document.createElement("li");
          item.textContent = line;
          instructions.appendChild(item);
        });
        welcome.hidden = false;
      },
      question: showQuestion,
      answer_received: function () {
        say("Answer received.");
      },
      analysis_started: function () {
        turn.hidden = true;
        say("Analysing your answers…");
      },
      interview_completed: function () {
        finished = true;
        say("Interview complete. Opening your results…");
        window.location.assign(root.getAttribute("data-results-url"));
      },
      error: function (message) {
        sendButton.disabled = false;
        showError(errorText(message));
      },
      pong: function () {},
    };

    function connect() {
      say(attempt ? "Reconnecting…" : "Connecting…");
      socket = new WebSocket(socketUrl(root.getAttribute("data-socket-path")));
      socket.addEventListener("message", function (event) {
        var message = JSON.parse(event.data);
        var handler = handlers[message.type];
        if (handler) {
          handler(message);
        }
      });
      socket.addEventListener("close", function (event) {
        socket = null;
        if (finished) {
          return;
        }
        if (event.code === 4404 || event.code === 4401 || event.code === 4403) {
          say("This interview cannot be opened: sign in again or start a new one.");
          return;
        }
        var delay = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)];
        attempt += 1;
        say("Connection lost; reconnecting in " + Math.round(delay / 1000) + " s. Your answer is kept.");
        window.setTimeout(connect, delay);
      });
    }

    answer.addEventListener("input", function () {
      if (current) {
        keepDraft();
      }
    });
    root.querySelector("[data-live-start]").addEventListener("click", function () {
      send({ type: "initialize_interview", invitation_id: root.getAttribute("data-session-id") });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = answer.value.trim();
      if (!text) {
        showError("Write an answer before sending it.");
        return;
      }
      showError("");
      if (
        current &&
        send({
          type: "submit_answer",
          question_id: current.question_id,
          answer: text,
          time_taken_seconds: Math.round((Date.now() - startedAt) / 1000),
        })
      ) {
        sendButton.disabled = true;
        say("Sending…");
      }
    });
    root.querySelector("[data-live-end]").addEventListener("click", function () {
      if (window.confirm("End the interview now? The questions you answered are analysed.")) {
        send({ type: "end_interview" });
      }
    });
    window.setInterval(tick, 1000);
    connect();
  }

  var setupForm = document.querySelector("[data-live-setup]");
  if (setupForm) {
    setup(setupForm);
  }
  var root = document.querySelector("[data-live]");
  if (root) {
    interview(root);
  }
})();
