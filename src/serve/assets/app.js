// praev serve: the one script, compiled into the binary. Pages work without it; it only adds
// the "copy citation" action of the quotes page.
(function () {
  "use strict";
  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "offscreen";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }
  function confirm(button, ok) {
    var note = button.parentNode.querySelector(".copied");
    if (!note) {
      note = document.createElement("span");
      note.className = "copied";
      button.parentNode.appendChild(note);
    }
    note.textContent = ok ? "Zitat kopiert" : "Kopieren nicht möglich – bitte markieren";
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-citation]") : null;
    if (!button) { return; }
    var text = button.getAttribute("data-citation");
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { confirm(button, true); },
        function () { confirm(button, fallbackCopy(text)); });
    } else {
      confirm(button, fallbackCopy(text));
    }
  });
})();
