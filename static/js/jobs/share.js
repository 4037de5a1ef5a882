/* Job page: a Copy button beside the short link. Without this script the link is a
 * read-only field to select and copy by hand. */
(function () {
  "use strict";

  function copied(status, text) {
    status.textContent = text;
  }

  function copyBySelection(input) {
    input.focus();
    input.select();
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  function setUp(box) {
    var input = box.querySelector("[data-share-input]");
    var button = box.querySelector("[data-share-copy]");
    var status = box.querySelector("[data-share-status]");
    if (!input || !button || !status) {
      return;
    }
    button.hidden = false;

    input.addEventListener("focus", function () {
      input.select();
    });

    button.addEventListener("click", function () {
      var done = function () {
        copied(status, "Link copied.");
      };
      var fallback = function () {
        copied(status, copyBySelection(input) ? "Link copied." : "Press Ctrl+C (or ⌘C) to copy.");
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(done, fallback);
      } else {
        fallback();
      }
    });
  }

  document.querySelectorAll("[data-share]").forEach(setUp);
})();
