// Headlines suggested while typing in the search box. Progressive enhancement: without this
// file the box is a plain search form. Choosing a suggested headline opens that item.
(function () {
  "use strict";
  var input = document.querySelector("input[data-suggest]");
  if (!input || !window.fetch) { return; }
  var list = document.getElementById(input.getAttribute("list"));
  var addresses = {};
  var timer = null;
  var asked = "";

  function show(data) {
    if (data.query !== input.value) { return; } // an older answer arriving late
    addresses = {};
    list.textContent = "";
    data.suggestions.forEach(function (suggestion) {
      var option = document.createElement("option");
      option.value = suggestion.title;
      addresses[suggestion.title] = suggestion.url;
      list.appendChild(option);
    });
  }

  input.addEventListener("input", function () {
    var value = input.value;
    if (addresses[value]) { window.location.href = addresses[value]; return; }
    clearTimeout(timer);
    if (value.trim().length < 2 || value === asked) { return; }
    timer = setTimeout(function () {
      asked = value;
      fetch(input.dataset.suggest + "?q=" + encodeURIComponent(value), {
        headers: { Accept: "application/json" }
      }).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (data) {
        if (data) { show(data); }
      }).catch(function () { /* suggestions are a help, never in the way */ });
    }, 150);
  });
})();
