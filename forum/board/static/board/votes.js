/* Likes and dislikes on forum posts: POST /api/forum/posts/<id>/vote/ (value 1, -1 or 0 to take a
 * vote back), with the page's CSRF token; the answer's counts replace the shown ones. */
(function () {
  "use strict";
  var tokenInput = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (!tokenInput) return;
  document.querySelectorAll(".post-votes[data-post]").forEach(function (box) {
    box.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-value]");
      if (!button) return;
      var value = Number(button.dataset.value);
      var mine = Number(box.dataset.myVote || 0);
      var error = box.querySelector(".post-votes-error");
      fetch("/api/forum/posts/" + box.dataset.post + "/vote/", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": tokenInput.value },
        body: JSON.stringify({ value: mine === value ? 0 : value }),
      })
        .then(function (response) {
          return response.json().then(function (body) {
            if (!response.ok) throw new Error(body.detail || "Не вдалося проголосувати.");
            return body;
          });
        })
        .then(function (body) {
          box.dataset.myVote = String(body.my_vote);
          box.querySelector("[data-count=likes]").textContent = body.likes;
          box.querySelector("[data-count=dislikes]").textContent = body.dislikes;
          box.querySelectorAll("button[data-value]").forEach(function (b) {
            b.setAttribute("aria-pressed", String(Number(b.dataset.value) === body.my_vote));
          });
          if (error) error.textContent = "";
        })
        .catch(function (problem) {
          if (error) error.textContent = problem.message;
        });
    });
  });
})();
