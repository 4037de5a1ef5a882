/* Hirewise page behaviour. Progressive enhancement only: every page works without it. */
(function () {
  "use strict";

  // Small screens: fold the navigation behind the Menu button.
  function setUpNavToggle() {
    var header = document.querySelector("[data-site-header]");
    var toggle = header && header.querySelector("[data-nav-toggle]");
    var nav = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
    if (!nav) {
      return;
    }

    function setOpen(open) {
      toggle.setAttribute("aria-expanded", String(open));
      nav.classList.toggle("is-open", open);
    }

    header.classList.add("has-js-nav");
    toggle.hidden = false;
    setOpen(false);

    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });

    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && nav.classList.contains("is-open")) {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  // Alerts: show the × button and remove the alert when it is pressed.
  function setUpDismissButtons() {
    document.querySelectorAll("[data-dismiss='alert']").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var alert = button.closest(".alert");
        if (!alert) {
          return;
        }
        var sibling = alert.nextElementSibling || alert.previousElementSibling;
        var container = alert.parentElement;
        alert.remove();
        if (container && !container.children.length) {
          container.remove();
        }
        // Keep keyboard focus on the page instead of losing it with the removed button.
        var target =
          (sibling && sibling.querySelector("[data-dismiss='alert']")) ||
          document.getElementById("main");
        if (target) {
          target.focus();
        }
      });
    });
  }

  setUpNavToggle();
  setUpDismissButtons();
})();
