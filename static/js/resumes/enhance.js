/* Enhancement page: "Accept all" / "Reject all" and a running count of decisions.
 * Without this script every suggestion still has its own Accept and Reject radio buttons. */
(function () {
  "use strict";

  var form = document.querySelector("[data-decisions-form]");
  if (!form) {
    return;
  }
  var tools = form.querySelector("[data-decisions-tools]");
  var count = form.querySelector("[data-decisions-count]");
  var total = form.querySelectorAll(".decision").length;

  function updateCount() {
    var decided = form.querySelectorAll(".decision input:checked").length;
    count.textContent = decided + " of " + total + " decided. Save to keep them.";
  }

  form.querySelectorAll("[data-decide-all]").forEach(function (button) {
    button.addEventListener("click", function () {
      var value = button.getAttribute("data-decide-all");
      form.querySelectorAll(".decision input[type='radio']").forEach(function (input) {
        input.checked = input.value === value;
      });
      updateCount();
    });
  });

  form.addEventListener("change", updateCount);
  tools.hidden = false;
  updateCount();
})();
