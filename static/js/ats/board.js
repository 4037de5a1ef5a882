/* Pipeline board: drag and drop between stages, a Move menu per card (the keyboard's way),
 * and a cue naming the columns scrolled out of view.
 *
 * Both ways post to the card's move URL (the same as its no-JavaScript move page) and ask
 * for JSON: a move puts the card in its new column and updates the counts; a refusal (a
 * move the stages do not allow, a stale board) is said on the card. Without this script
 * the Move link opens the card's move page.
 */
(function () {
  "use strict";

  var board = document.querySelector("[data-board]");
  if (!board) {
    return;
  }
  var frame = document.querySelector("[data-board-frame]");
  var status = document.querySelector("[data-board-status]");
  var csrf = document.querySelector("input[name='csrfmiddlewaretoken']");
  var openMenu = null;

  function column(stage) {
    return board.querySelector("[data-column][data-stage='" + stage + "']");
  }

  function label(stage) {
    var target = column(stage);
    return target ? target.getAttribute("data-label") : stage;
  }

  function announce(text) {
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = text;
    }, 50);
  }

  // --- Counts and empty columns -----------------------------------------------------------

  function recount(target) {
    var count = target.querySelector("[data-count]");
    var cards = target.querySelectorAll("[data-card]").length;
    var shown = parseInt(count.getAttribute("data-hidden") || "0", 10);
    count.textContent = String(cards + shown);
    var empty = target.querySelector("[data-empty]");
    if (empty) {
      empty.hidden = cards > 0;
    }
  }

  // Cards not on the board (beyond "Show more") still count: keep them in the total.
  board.querySelectorAll("[data-column]").forEach(function (target) {
    var count = target.querySelector("[data-count]");
    var cards = target.querySelectorAll("[data-card]").length;
    count.setAttribute("data-hidden", String(parseInt(count.textContent, 10) - cards));
  });

  function ensureEmptyNote(target) {
    if (!target.querySelector("[data-empty]")) {
      var note = document.createElement("p");
      note.className = "pipeline__empty";
      note.setAttribute("data-empty", "");
      note.textContent = "Nobody at this stage.";
      target.appendChild(note);
    }
  }

  // --- Moving -----------------------------------------------------------------------------

  function say(card, text) {
    var note = card.querySelector("[data-card-note]");
    note.textContent = text;
    note.hidden = !text;
  }

  function showOffers(card, offers) {
    var box = card.querySelector("[data-card-offers]");
    box.textContent = "";
    (offers || []).forEach(function (offer) {
      var line = document.createElement("p");
      var link = document.createElement("a");
      line.className = "pipeline-card__offer";
      line.textContent = offer.text + " ";
      link.href = offer.url;
      link.textContent = offer.link_label;
      line.appendChild(link);
      box.appendChild(line);
    });
    box.hidden = !box.children.length;
  }

  function placeCard(card, body) {
    // Moving the card in the DOM drops the keyboard focus: put it back where it was.
    var focused = card.contains(document.activeElement) ? document.activeElement : null;
    var from = card.closest("[data-column]");
    var to = column(body.stage);
    card.setAttribute("data-stage", body.stage);
    card.setAttribute(
      "data-allowed",
      body.allowed
        .map(function (item) {
          return item.stage;
        })
        .join(" ")
    );
    var days = card.querySelector(".pipeline-card__days");
    if (days) {
      days.textContent = "0 days in stage";
    }
    var moveLink = card.querySelector("[data-move-menu]");
    if (moveLink && !body.allowed.length) {
      moveLink.remove();
      focused = focused === moveLink ? card.querySelector("h3 a") : focused;
    }
    ensureEmptyNote(from);
    ensureEmptyNote(to);
    to.querySelector("[data-cards]").prepend(card.parentElement);
    if (to.tagName === "DETAILS") {
      to.open = true; // a folded final stage opens to show where the card went
    }
    recount(from);
    recount(to);
    if (focused) {
      focused.focus();
    }
  }

  function move(card, stage) {
    var name = card.getAttribute("data-name");
    if (card.getAttribute("data-stage") === stage) {
      return;
    }
    var data = new FormData();
    data.append("stage", stage);
    data.append("from_stage", card.getAttribute("data-stage"));
    say(card, "");
    card.setAttribute("aria-busy", "true");
    fetch(card.getAttribute("data-move-url"), {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": csrf ? csrf.value : "" },
    })
      .then(function (response) {
        return response.json().then(function (body) {
          return { ok: response.ok && body.moved, body: body };
        });
      })
      .then(function (result) {
        if (!result.ok) {
          say(card, result.body.detail);
          announce(result.body.detail);
          return;
        }
        placeCard(card, result.body);
        showOffers(card, result.body.followups);
        announce(result.body.message);
      })
      .catch(function () {
        say(card, name + " was not moved: the connection failed. Try again.");
      })
      .finally(function () {
        card.removeAttribute("aria-busy");
      });
  }

  // --- The Move menu (keyboard and pointer) -----------------------------------------------

  function closeMenu(returnFocus) {
    if (!openMenu) {
      return;
    }
    var trigger = openMenu.trigger;
    openMenu.element.remove();
    trigger.setAttribute("aria-expanded", "false");
    openMenu = null;
    if (returnFocus) {
      trigger.focus();
    }
  }

  function menuKeys(event) {
    var items = Array.prototype.slice.call(openMenu.element.querySelectorAll("button"));
    var index = items.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      var step = event.key === "ArrowDown" ? 1 : -1;
      items[(index + step + items.length) % items.length].focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      closeMenu(true);
    } else if (event.key === "Tab") {
      closeMenu(false);
    }
  }

  function showMenu(trigger) {
    var card = trigger.closest("[data-card]");
    var allowed = card.getAttribute("data-allowed").split(" ").filter(Boolean);
    var menu = document.createElement("ul");
    menu.className = "pipeline-menu";
    menu.setAttribute("role", "menu");
    menu.setAttribute("aria-label", "Move " + card.getAttribute("data-name") + " to");
    allowed.forEach(function (stage) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      item.setAttribute("role", "none");
      button.type = "button";
      button.setAttribute("role", "menuitem");
      button.className = "pipeline-menu__item";
      button.textContent = label(stage);
      button.addEventListener("click", function () {
        closeMenu(true);
        move(card, stage);
      });
      item.appendChild(button);
      menu.appendChild(item);
    });
    menu.addEventListener("keydown", menuKeys);
    trigger.after(menu);
    trigger.setAttribute("aria-expanded", "true");
    openMenu = { element: menu, trigger: trigger };
    menu.querySelector("button").focus();
  }

  board.querySelectorAll("[data-move-menu]").forEach(function (trigger) {
    trigger.setAttribute("role", "button");
    trigger.setAttribute("aria-haspopup", "menu");
    trigger.setAttribute("aria-expanded", "false");
  });

  board.addEventListener("click", function (event) {
    var trigger = event.target.closest("[data-move-menu]");
    if (!trigger) {
      if (openMenu && !openMenu.element.contains(event.target)) {
        closeMenu(false);
      }
      return;
    }
    event.preventDefault();
    var wasOpen = openMenu && openMenu.trigger === trigger;
    closeMenu(false);
    if (!wasOpen) {
      showMenu(trigger);
    }
  });

  // A link with role=button opens with the space bar too.
  board.addEventListener("keydown", function (event) {
    var trigger = event.target.closest("[data-move-menu]");
    if (trigger && event.key === " ") {
      event.preventDefault();
      trigger.click();
    }
  });

  // --- Drag and drop ----------------------------------------------------------------------

  var dragged = null;

  board.querySelectorAll("[data-card]").forEach(function (card) {
    card.setAttribute("draggable", "true");
  });

  board.addEventListener("dragstart", function (event) {
    dragged = event.target.closest("[data-card]");
    if (!dragged) {
      return;
    }
    closeMenu(false);
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", dragged.id);
    var allowed = dragged.getAttribute("data-allowed").split(" ");
    board.classList.add("is-dragging");
    board.querySelectorAll("[data-column]").forEach(function (target) {
      var stage = target.getAttribute("data-stage");
      target.classList.toggle("is-drop-allowed", allowed.indexOf(stage) !== -1);
    });
  });

  board.addEventListener("dragend", function () {
    dragged = null;
    board.classList.remove("is-dragging");
    board.querySelectorAll(".is-drop-allowed, .is-drop-over").forEach(function (target) {
      target.classList.remove("is-drop-allowed", "is-drop-over");
    });
  });

  board.addEventListener("dragover", function (event) {
    var target = event.target.closest("[data-column]");
    if (!dragged || !target) {
      return;
    }
    // Every column takes the drop: a stage the card may not reach answers with its refusal.
    event.preventDefault();
    board.querySelectorAll(".is-drop-over").forEach(function (other) {
      if (other !== target) {
        other.classList.remove("is-drop-over");
      }
    });
    target.classList.add("is-drop-over");
  });

  board.addEventListener("drop", function (event) {
    var target = event.target.closest("[data-column]");
    if (!dragged || !target) {
      return;
    }
    event.preventDefault();
    move(dragged, target.getAttribute("data-stage"));
  });

  // --- Scroll cue -------------------------------------------------------------------------

  var cue = frame.querySelector("[data-scroll-cue]");
  var cueCount = frame.querySelector("[data-scroll-count]");
  var more = frame.querySelector("[data-scroll-more]");

  function hiddenColumns() {
    var view = board.getBoundingClientRect();
    var columns = board.querySelectorAll(":scope > [data-column], :scope > .pipeline__finals");
    return Array.prototype.filter.call(columns, function (item) {
      var box = item.getBoundingClientRect();
      return box.right > view.right + 1;
    });
  }

  function updateCue() {
    var hidden = hiddenColumns();
    var atStart = board.scrollLeft <= 1;
    frame.classList.toggle("has-more-left", !atStart);
    frame.classList.toggle("has-more-right", hidden.length > 0);
    cue.hidden = hidden.length === 0;
    cueCount.textContent =
      hidden.length === 1 ? "1 more stage to the right" : hidden.length + " more stages to the right";
  }

  more.addEventListener("click", function () {
    var hidden = hiddenColumns();
    if (hidden.length) {
      board.scrollBy({ left: hidden[0].getBoundingClientRect().left - board.getBoundingClientRect().left, behavior: "smooth" });
    }
  });
  board.addEventListener("scroll", updateCue, { passive: true });
  window.addEventListener("resize", updateCue);
  board.addEventListener("toggle", updateCue, true);
  updateCue();
})();
