// coalition-kg review: keys and a live register search for the review page. The page works
// without this script (every change is a form posted back); it only saves steps.
// Text from the server is set with textContent, never parsed as markup.
(function () {
  "use strict";
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card[data-key]"));
  var current = -1;

  function select(index) {
    if (!cards.length) { return; }
    index = Math.max(0, Math.min(cards.length - 1, index));
    if (current >= 0) { cards[current].classList.remove("current"); }
    current = index;
    cards[current].classList.add("current");
    cards[current].focus({ preventScroll: true });
    cards[current].scrollIntoView({ block: "nearest" });
    history.replaceState(null, "", "#" + cards[current].id);
  }

  function press(selector) {
    var button = current >= 0 && cards[current].querySelector(selector);
    if (button && !button.disabled) { button.click(); }
  }

  function edit() {
    if (current < 0) { return; }
    var details = cards[current].querySelector("details.edit");
    if (!details) { return; }
    details.open = true;
    var field = details.querySelector("input:not([type=hidden]):not([type=radio]), textarea, input[type=radio]:checked");
    if (field) { field.focus(); }
  }

  function typing(target) {
    return /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable;
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.key === "Escape") {
      var open = current >= 0 && cards[current].querySelector("details[open]");
      if (open) { open.open = false; }
      if (current >= 0) { cards[current].focus(); }
      return;
    }
    if (typing(event.target)) { return; }
    var actions = {
      j: function () { select(current + 1); }, n: function () { select(current + 1); },
      k: function () { select(current - 1); }, p: function () { select(current - 1); },
      a: function () { press("form.decide button.accept"); },
      r: function () { press("form.decide button.reject"); },
      e: edit
    };
    if (actions[event.key]) { event.preventDefault(); actions[event.key](); }
  });

  cards.forEach(function (card, index) {
    card.addEventListener("focusin", function () {
      if (current !== index) {
        if (current >= 0) { cards[current].classList.remove("current"); }
        current = index;
        card.classList.add("current");
      }
    });
  });

  var start = location.hash && document.getElementById(location.hash.slice(1));
  var at = cards.indexOf(start);
  if (at >= 0) { select(at); }

  // Register search: results as the curator types, from /search; a result fills the field in.
  function choose(picker, match) {
    var value = picker.querySelector(".entity-value");
    if (value) {
      value.value = match.ref;
      var label = picker.querySelector(".entity-label");
      if (label) { label.textContent = match.label; }
      picker.querySelector(".found").textContent = "";
      value.focus();
    }
  }

  function show(picker, matches) {
    var list = picker.querySelector(".found");
    list.textContent = "";
    var linking = !picker.querySelector(".entity-value");
    matches.forEach(function (match) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.className = "pick";
      if (linking) {
        button.type = "submit";
        button.name = "existing";
        button.value = match.ref;
        button.textContent = "Link to " + match.label;
      } else {
        button.type = "button";
        button.textContent = match.label;
        button.addEventListener("click", function () { choose(picker, match); });
      }
      var code = document.createElement("code");
      code.textContent = " " + match.ref + " ";
      var why = document.createElement("small");
      why.textContent = match.matched + (match.proposed ? ", proposed, not yet accepted" : "");
      item.append(button, code, why);
      list.appendChild(item);
    });
    if (!matches.length) {
      var none = document.createElement("li");
      none.className = "none";
      none.textContent = "nothing found";
      list.appendChild(none);
    }
  }

  function search(picker, input) {
    var query = "/search?q=" + encodeURIComponent(input.value) + "&kinds=" + encodeURIComponent(picker.dataset.kinds || "");
    fetch(query, { credentials: "same-origin" })
      .then(function (answer) { return answer.ok ? answer.json() : []; })
      .then(function (matches) { show(picker, matches); })
      .catch(function () { /* the Find button still asks the server */ });
  }

  Array.prototype.forEach.call(document.querySelectorAll(".picker"), function (picker) {
    var input = picker.querySelector(".entity-search");
    if (!input) { return; }
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { search(picker, input); }, 120);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        search(picker, input);
      }
    });
  });
})();
