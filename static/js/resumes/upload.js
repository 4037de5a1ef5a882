/* Resume upload: drop a file on the box to choose it and send the form at once.
 * Without this script the plain file input and the Upload button do the same. */
(function () {
  "use strict";

  function submit(form) {
    if (typeof form.requestSubmit === "function") {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  function setUpDropzone(zone) {
    var form = zone.closest("form");
    var input = zone.querySelector("input[type='file']");
    var hint = zone.querySelector("[data-dropzone-hint]");
    var status = zone.querySelector("[data-dropzone-status]");
    if (!form || !input) {
      return;
    }
    // dragenter and dragleave also fire for every child the pointer crosses.
    var depth = 0;

    hint.hidden = false;
    zone.classList.add("is-enhanced");

    zone.addEventListener("dragenter", function (event) {
      event.preventDefault();
      depth += 1;
      zone.classList.add("is-dragover");
    });

    zone.addEventListener("dragover", function (event) {
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
    });

    zone.addEventListener("dragleave", function () {
      depth = Math.max(depth - 1, 0);
      if (!depth) {
        zone.classList.remove("is-dragover");
      }
    });

    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      depth = 0;
      zone.classList.remove("is-dragover");
      var files = event.dataTransfer && event.dataTransfer.files;
      if (!files || !files.length) {
        return;
      }
      if (files.length > 1) {
        status.textContent = "Drop one file at a time.";
        return;
      }
      input.files = files;
      status.textContent = "Uploading " + files[0].name + "…";
      submit(form);
    });

    input.addEventListener("change", function () {
      status.textContent = input.files.length
        ? "Chosen: " + input.files[0].name + ". Press “Upload and read” to send it."
        : "";
    });

    // One upload per press: a second click while the first is sent would upload twice.
    form.addEventListener("submit", function () {
      var button = form.querySelector("button[type='submit']");
      if (button) {
        window.setTimeout(function () {
          button.disabled = true;
        }, 0);
      }
    });
  }

  document.querySelectorAll("[data-dropzone]").forEach(setUpDropzone);
})();
