/* Practice answers: a visible timer that fills in the time taken, and counts of pastes and
   of leaving the tab, sent with the answer. The page works without it (the time is typed). */
(function () {
  "use strict";

  var form = document.querySelector("[data-answer-form]");
  if (!form) {
    return;
  }
  var seconds = form.querySelector("[data-answer-seconds]");
  var pastes = form.querySelector("[data-paste-count]");
  var switches = form.querySelector("[data-tab-switches]");
  var answer = form.querySelector("[data-answer]");
  var timer = document.querySelector("[data-timer]");
  var display = timer && timer.querySelector("[data-timer-value]");
  var started = Date.now();

  function elapsed() {
    return Math.round((Date.now() - started) / 1000);
  }

  function show() {
    var total = elapsed();
    var rest = total % 60;
    display.textContent = Math.floor(total / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }

  if (seconds) {
    // The timer owns the value; the field stays for pages without scripts.
    seconds.closest(".field").hidden = true;
  }
  if (timer && display) {
    timer.hidden = false;
    window.setInterval(show, 1000);
  }
  if (answer && pastes) {
    answer.addEventListener("paste", function () {
      pastes.value = String(Number(pastes.value || 0) + 1);
    });
  }
  if (switches) {
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") {
        switches.value = String(Number(switches.value || 0) + 1);
      }
    });
  }
  form.addEventListener("submit", function () {
    if (seconds) {
      seconds.value = String(elapsed());
    }
  });
})();
