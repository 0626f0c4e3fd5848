/*
 * Registration status freshness.
 *
 * Pages are built ahead of time, so a registration button can outlive its deadline. This
 * script re-checks the date-driven states against the visitor's clock and replaces an
 * out-of-date invitation by the right state. Without JavaScript the page shows what the
 * build computed, which is correct as of the build.
 */
(function () {
  "use strict";

  var FINAL_STATES = ["afgelopen", "geannuleerd"];

  function badge(text) {
    var paragraph = document.createElement("p");
    paragraph.className = "utrecht-paragraph werkplaatsen-registration__state";
    var span = document.createElement("span");
    span.className = "utrecht-status-badge utrecht-status-badge--inactive";
    span.textContent = text;
    paragraph.appendChild(span);
    return paragraph;
  }

  function replaceWith(node, state, text) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
    node.appendChild(badge(text));
    node.setAttribute("data-status", state);
  }

  function removeInvitation(node) {
    var actions = node.querySelectorAll(
      ".werkplaatsen-registration__action, .werkplaatsen-registration__deadline"
    );
    Array.prototype.forEach.call(actions, function (action) {
      action.parentNode.removeChild(action);
    });
  }

  function refresh(node, now) {
    var state = node.getAttribute("data-status");
    if (FINAL_STATES.indexOf(state) !== -1) {
      return;
    }
    var ends = Date.parse(node.getAttribute("data-ends"));
    var closes = node.hasAttribute("data-closes") ? Date.parse(node.getAttribute("data-closes")) : NaN;
    if (now >= ends) {
      replaceWith(node, "afgelopen", "Afgelopen");
    } else if (now > closes && state === "verplaatst") {
      removeInvitation(node);
    } else if (now > closes && state !== "gesloten") {
      replaceWith(node, "gesloten", "Aanmelding gesloten");
    }
  }

  var now = Date.now();
  var nodes = document.querySelectorAll(".werkplaatsen-registration[data-ends]");
  Array.prototype.forEach.call(nodes, function (node) {
    refresh(node, now);
  });
})();
