/* Forms land on their errors: a page that comes back with an error summary (the
 * includes/form_errors.html box) scrolls to it and moves the keyboard focus there, so a
 * screen reader reads it first; its links put the focus in the field they name.
 * Without this script the summary is still at the top of the form, with working links.
 */
(function () {
  "use strict";

  var summary = document.querySelector(".form-errors");
  if (!summary) {
    return;
  }
  summary.setAttribute("tabindex", "-1");
  summary.scrollIntoView({ block: "start" });
  summary.focus({ preventScroll: true });

  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    var field = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!field) {
      return;
    }
    event.preventDefault();
    field.scrollIntoView({ block: "center" });
    field.focus({ preventScroll: true });
  });
})();
