// Share links' "Copy link" button and full link addresses in print, as progressive
// enhancements: without this script the button stays hidden (the share links are plain links)
// and a printed page shows the addresses as they are written in the page.
(function () {
  "use strict";
  var button = document.querySelector("[data-copy-link]");
  if (button && navigator.clipboard && window.isSecureContext) {
    var status = document.querySelector(".share__status");
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.dataset.copyLink).then(
        function () { status.textContent = button.dataset.copied; },
        function () { status.textContent = button.dataset.notCopied; }
      );
    });
  }
  // Before printing, each link of the item's text gets its full address (print.css shows it).
  window.addEventListener("beforeprint", function () {
    var links = document.querySelectorAll(".item a[href]");
    Array.prototype.forEach.call(links, function (link) {
      if (link.protocol === "http:" || link.protocol === "https:") {
        link.setAttribute("data-print-href", link.href);
      }
    });
  });
})();
