/* Reports on forum posts: each post's «Поскаржитися» form sends POST /api/reports/
 * {forum_post, reason, text} with the page's CSRF token and shows the answer's message (the
 * thanks, or why not: already reported, banned…). */
(function () {
  "use strict";
  var tokenInput = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (!tokenInput) return;
  document.querySelectorAll(".post-report[data-post]").forEach(function (box) {
    var form = box.querySelector("form");
    var status = box.querySelector(".post-report-status");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      fetch("/api/reports/", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": tokenInput.value },
        body: JSON.stringify({
          forum_post: Number(box.dataset.post),
          reason: form.elements.reason.value,
          text: form.elements.text.value,
        }),
      })
        .then(function (response) {
          return response.json().then(function (body) {
            if (!response.ok) throw new Error(body.detail || "Не вдалося надіслати скаргу.");
            return body;
          });
        })
        .then(function (body) {
          status.textContent = body.message;
          form.querySelector("button[type=submit]").disabled = true;
        })
        .catch(function (problem) {
          status.textContent = problem.message;
        });
    });
  });
})();
