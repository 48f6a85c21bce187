// Flashcards and a quiz over the deck a study page lists (overrides/kb/deck.html).
//
// Review: cards due now, then new ones in the notes' order (taking turns between topics on the
// all-topics page), at most NEW_PER_DAY a day unless the reader asks for more. Space shows
// the answer, 1–4 grade it (again / hard / good / easy) and ts-fsrs (FSRS, from npm: the global
// `FSRS` of its UMD build) schedules the card's next review. Progress lives in localStorage under
// STORE, one entry per card id (stable while the card's own words stay), shared by every study
// page and exported / imported as a JSON file to move between the hosted site and the offline
// bundle (whose file:// pages have a storage of their own).
// Quiz: "which service?" multiple choice from the deck's service cards, wrong answers drawn from
// services sharing a category or flow layer, and the score at the end.
(function () {
  "use strict";

  var STORE = "kb-study:v1";
  var FORMAT = "kb-study-progress";
  var NEW_PER_DAY = 20;
  // A card graded again or hard comes back within minutes (FSRS learning steps): shown again in
  // this session when due within this window, as Anki's "learn ahead" does.
  var LEARN_AHEAD_MS = 20 * 60 * 1000;
  var QUIZ_LENGTH = 10;
  var GRADES = [
    { value: 1, label: "Again" },
    { value: 2, label: "Hard" },
    { value: 3, label: "Good" },
    { value: 4, label: "Easy" }
  ];

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") node.textContent = attributes[name];
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  function shuffle(items) {
    var copy = items.slice();
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = copy[i]; copy[i] = copy[j]; copy[j] = swap;
    }
    return copy;
  }

  // ---- progress -------------------------------------------------------------------------

  var memory = null; // used when the browser refuses localStorage

  function load() {
    try {
      var raw = window.localStorage.getItem(STORE);
      var parsed = raw ? JSON.parse(raw) : null;
      if (parsed && typeof parsed.cards === "object") return parsed;
    } catch (error) {
      if (memory) return memory;
    }
    return memory || { version: 1, cards: {} };
  }

  function save(progress) {
    try {
      window.localStorage.setItem(STORE, JSON.stringify(progress));
    } catch (error) {
      memory = progress;
    }
  }

  function merge(progress, imported) {
    var count = 0;
    Object.keys(imported).forEach(function (id) {
      var theirs = imported[id];
      var ours = progress.cards[id];
      if (!theirs || !theirs.due) return;
      var newer = !ours || Date.parse(theirs.last_review || 0) > Date.parse(ours.last_review || 0);
      if (newer) { progress.cards[id] = theirs; count++; }
    });
    return count;
  }

  function interval(from, to) {
    var minutes = Math.max(1, Math.round((to - from) / 60000));
    if (minutes < 60) return minutes + " min";
    var hours = Math.round(minutes / 60);
    if (hours < 24) return hours + " h";
    var days = Math.round(hours / 24);
    if (days < 31) return days + " d";
    var months = Math.round(days / 30);
    return months < 12 ? months + " mo" : (days / 365).toFixed(1) + " y";
  }

  // ---- the deck -------------------------------------------------------------------------

  function readDeck(root) {
    var titles = JSON.parse(root.getAttribute("data-topics") || "{}");
    return Array.prototype.map.call(root.querySelectorAll(".kb-deck > .kb-card"), function (item) {
      return {
        id: item.getAttribute("data-card"),
        kind: item.getAttribute("data-kind"),
        topic: item.getAttribute("data-topic"),
        topicTitle: titles[item.getAttribute("data-topic")] || "",
        name: item.getAttribute("data-name") || "",
        service: item.getAttribute("data-service"),
        groups: (item.getAttribute("data-groups") || "").split(" ").filter(Boolean),
        prompt: item.querySelector(".kb-card-prompt").textContent,
        front: item.querySelector(".kb-card-front"),
        back: item.querySelector(".kb-card-back"),
        source: item.querySelector(".kb-card-source")
      };
    });
  }

  function start(root) {
    if (root.getAttribute("data-started")) return;
    root.setAttribute("data-started", "true");
    var app = root.querySelector(".kb-study-app");
    var list = root.querySelector(".kb-deck");
    var cards = readDeck(root);
    if (typeof FSRS === "undefined" || !app || cards.length === 0) return;
    var scheduler = FSRS.fsrs(FSRS.generatorParameters({ enable_fuzz: true }));
    var manyTopics = cards.some(function (card) { return card.topic !== cards[0].topic; });
    var progress = load();

    // The static list stays readable behind a disclosure: every card, front and back.
    var browse = el("details", { class: "kb-browse" }, [el("summary", { text: "All " + cards.length + " cards" })]);
    list.parentNode.insertBefore(browse, list);
    browse.appendChild(list);

    // What a screen reader says as the session moves on (the card, the answer, the score) …
    var status = el("p", { class: "kb-study-status kb-sr-only", role: "status", "aria-live": "polite" });
    // … and what everyone reads about export and import.
    var message = el("p", { class: "kb-study-message", role: "status" });
    var reviewButton = el("button", { type: "button", class: "md-button", "aria-pressed": "true", text: "Review" });
    var quizButton = el("button", { type: "button", class: "md-button", "aria-pressed": "false", text: "Quiz" });
    var modes = el("div", { class: "kb-study-modes", role: "group", "aria-label": "Study mode" }, [reviewButton, quizButton]);
    var stats = el("p", { class: "kb-study-stats" });
    var review = el("section", { class: "kb-review", "aria-label": "Review" });
    var quiz = el("section", { class: "kb-quiz", "aria-label": "Quiz", hidden: "" });
    var transfer = buildTransfer();
    app.appendChild(el("div", { class: "kb-study-bar" }, [modes, stats]));
    // A deck of one certification's sections may hold no service card: nothing to quiz on.
    if (cards.filter(function (card) { return card.kind === "service"; }).length < 2) quizButton.remove();
    app.appendChild(review);
    app.appendChild(quiz);
    app.appendChild(status);
    app.appendChild(transfer);
    app.appendChild(message);
    app.hidden = false;

    var queue = [];
    var current = null;
    var revealed = false;
    var reviewed = 0;
    var mode = "review";

    function dueCards(now) {
      return cards.filter(function (card) {
        var state = progress.cards[card.id];
        return state && Date.parse(state.due) <= now.getTime();
      }).sort(function (a, b) { return Date.parse(progress.cards[a.id].due) - Date.parse(progress.cards[b.id].due); });
    }

    // New cards in the notes' order; several topics take turns, so each comes up from the start.
    function newCards() {
      var byTopic = {};
      var order = [];
      cards.forEach(function (card) {
        if (progress.cards[card.id]) return;
        if (!byTopic[card.topic]) { byTopic[card.topic] = []; order.push(card.topic); }
        byTopic[card.topic].push(card);
      });
      var turns = [];
      for (var round = 0; turns.length < cards.length; round++) {
        var added = 0;
        order.forEach(function (topic) {
          if (round < byTopic[topic].length) { turns.push(byTopic[topic][round]); added++; }
        });
        if (!added) break;
      }
      return turns;
    }

    // How many new cards the reader has begun today, kept with the progress (per calendar day).
    function today() { return new Date().toDateString(); }
    function newToday() {
      var day = progress.newToday;
      return day && day.date === today() ? day.count : 0;
    }

    function plan(extra) {
      var now = new Date();
      var allowance = extra ? NEW_PER_DAY : Math.max(0, NEW_PER_DAY - newToday());
      queue = dueCards(now).concat(newCards().slice(0, allowance));
      reviewed = 0;
      showNext(Boolean(extra));
    }

    function updateStats() {
      var now = new Date();
      var seen = cards.filter(function (card) { return progress.cards[card.id]; }).length;
      var due = dueCards(now).length;
      stats.textContent = due + " due · " + (cards.length - seen) + " new · " + seen + " seen · " + reviewed + " reviewed now";
      root.setAttribute("data-due", String(due));
      root.setAttribute("data-seen", String(seen));
      root.setAttribute("data-queue", String(queue.length + (current ? 1 : 0)));
    }

    function showNext(focus) {
      review.textContent = "";
      revealed = false;
      current = queue.shift() || null;
      updateStats();
      if (!current) {
        var next = cards.map(function (card) { return progress.cards[card.id]; }).filter(Boolean)
          .map(function (state) { return Date.parse(state.due); }).sort(function (a, b) { return a - b; })[0];
        var message = reviewed ? "Session done: " + reviewed + " reviews." : "Nothing is due.";
        if (next) message += " Next card due in " + interval(Date.now(), next) + ".";
        var left = newCards().length;
        if (!left) message += " Every card has been seen.";
        else if (newToday() >= NEW_PER_DAY) message += " You began " + newToday() + " new cards today.";
        review.appendChild(el("p", { class: "kb-study-done", text: message }));
        if (left) {
          var more = Math.min(NEW_PER_DAY, left);
          var again = el("button", { type: "button", class: "md-button", text: "Study " + more + " more new card" + (more === 1 ? "" : "s") });
          again.addEventListener("click", function () { plan(true); });
          review.appendChild(again);
        }
        status.textContent = message;
        return;
      }
      var position = el("p", { class: "kb-card-position", text: (queue.length + 1) + " left in this session" });
      var prompt = manyTopics ? current.topicTitle + " · " + current.prompt : current.prompt;
      var card = el("article", { class: "kb-flashcard", tabindex: "-1", "aria-label": "Flashcard", "data-card": current.id, "data-kind": current.kind }, [
        el("p", { class: "kb-card-prompt", text: prompt }),
        current.front.cloneNode(true)
      ]);
      var back = current.back.cloneNode(true);
      back.hidden = true;
      var source = current.source.cloneNode(true);
      source.hidden = true;
      card.appendChild(back);
      card.appendChild(source);
      var reveal = el("button", { type: "button", class: "md-button md-button--primary kb-reveal" }, [
        document.createTextNode("Show answer "), el("kbd", { text: "Space" })
      ]);
      reveal.addEventListener("click", showAnswer);
      review.appendChild(position);
      review.appendChild(card);
      review.appendChild(reveal);
      if (focus) reveal.focus();
      status.textContent = prompt + ": " + current.front.textContent.trim();
    }

    function showAnswer() {
      if (!current || revealed) return;
      revealed = true;
      var card = review.querySelector(".kb-flashcard");
      card.querySelector(".kb-card-back").hidden = false;
      card.querySelector(".kb-card-source").hidden = false;
      review.querySelector(".kb-reveal").remove();
      var now = new Date();
      var previews = scheduler.repeat(progress.cards[current.id] || FSRS.createEmptyCard(now), now);
      var grades = el("div", { class: "kb-grades", role: "group", "aria-label": "How well did you recall it?" });
      GRADES.forEach(function (grade) {
        var due = previews[grade.value].card.due;
        var button = el("button", { type: "button", class: "md-button", "data-grade": String(grade.value) }, [
          el("kbd", { text: String(grade.value) }),
          document.createTextNode(" " + grade.label + " "),
          el("span", { class: "kb-grade-interval", text: interval(now, due) })
        ]);
        button.addEventListener("click", function () { grade_(grade.value); });
        grades.appendChild(button);
      });
      review.appendChild(grades);
      status.textContent = "Answer: " + card.querySelector(".kb-card-back").textContent.trim();
      // Not a grade button: a second Space would press it.
      card.focus();
    }

    function grade_(value) {
      if (!current || !revealed) return;
      var now = new Date();
      var result = scheduler.next(progress.cards[current.id] || FSRS.createEmptyCard(now), now, value);
      progress = load(); // another tab may have studied meanwhile
      if (!progress.cards[current.id]) progress.newToday = { date: today(), count: newToday() + 1 };
      progress.cards[current.id] = JSON.parse(JSON.stringify(result.card));
      save(progress);
      reviewed++;
      if (result.card.due.getTime() - now.getTime() < LEARN_AHEAD_MS) queue.push(current);
      showNext(true);
    }

    // ---- quiz ----

    var services = cards.filter(function (card) { return card.kind === "service"; });
    var questions = [];
    var asked = 0;
    var score = 0;
    var answered = false;

    function answerOf(card) { return card.name || card.back.textContent.trim(); }

    function options(card) {
      var others = services.filter(function (other) { return other.topic === card.topic && answerOf(other) !== answerOf(card); });
      var close = shuffle(others.filter(function (other) {
        return other.groups.some(function (group) { return card.groups.indexOf(group) >= 0; });
      }));
      var rest = shuffle(others.filter(function (other) { return close.indexOf(other) < 0; }));
      return shuffle([card].concat(close.concat(rest).slice(0, 3)));
    }

    function startQuiz() {
      questions = shuffle(services).slice(0, QUIZ_LENGTH);
      asked = 0;
      score = 0;
      ask();
    }

    function ask() {
      quiz.textContent = "";
      answered = false;
      if (services.length < 2) {
        quiz.appendChild(el("p", { text: "The quiz needs at least two services with a summary in these notes." }));
        return;
      }
      if (asked >= questions.length) {
        var result = "Score: " + score + " of " + questions.length + ".";
        quiz.appendChild(el("p", { class: "kb-quiz-score", text: result }));
        var again = el("button", { type: "button", class: "md-button md-button--primary", text: "Try again" });
        again.addEventListener("click", startQuiz);
        quiz.appendChild(again);
        status.textContent = result;
        again.focus();
        return;
      }
      var card = questions[asked];
      var choices = el("div", { class: "kb-quiz-options", role: "group", "aria-label": "Answers" });
      options(card).forEach(function (option, index) {
        var button = el("button", { type: "button", class: "md-button", "data-option": String(index + 1) }, [
          el("kbd", { text: String(index + 1) }), document.createTextNode(" " + answerOf(option))
        ]);
        if (option === card) button.setAttribute("data-answer", "true");
        button.addEventListener("click", function () { choose(button, option === card, answerOf(card)); });
        choices.appendChild(button);
      });
      quiz.appendChild(el("p", { class: "kb-card-position", text: "Question " + (asked + 1) + " of " + questions.length + " · score " + score }));
      quiz.appendChild(el("p", { class: "kb-quiz-question" }, [el("strong", { text: "Which service? " }), document.createTextNode(card.front.textContent.trim())]));
      quiz.appendChild(choices);
      status.textContent = "Which service? " + card.front.textContent.trim();
    }

    function choose(button, correct, answer) {
      if (answered) return;
      answered = true;
      if (correct) score++;
      quiz.querySelectorAll(".kb-quiz-options button").forEach(function (option) {
        option.disabled = true;
        if (option.getAttribute("data-answer")) option.classList.add("kb-right");
      });
      if (!correct) button.classList.add("kb-wrong");
      var feedback = correct ? "Correct." : "Not quite: it is " + answer + ".";
      var next = el("button", { type: "button", class: "md-button md-button--primary kb-quiz-next" }, [
        document.createTextNode(asked + 1 < questions.length ? "Next question " : "See the score "), el("kbd", { text: "Enter" })
      ]);
      next.addEventListener("click", function () { asked++; ask(); });
      quiz.appendChild(el("p", { class: "kb-quiz-feedback", text: feedback }));
      quiz.appendChild(next);
      status.textContent = feedback;
      next.focus();
    }

    function setMode(next) {
      mode = next;
      reviewButton.setAttribute("aria-pressed", String(mode === "review"));
      quizButton.setAttribute("aria-pressed", String(mode === "quiz"));
      review.hidden = mode !== "review";
      quiz.hidden = mode !== "quiz";
      if (mode === "quiz") startQuiz();
      else plan();
    }
    reviewButton.addEventListener("click", function () { setMode("review"); });
    quizButton.addEventListener("click", function () { setMode("quiz"); });

    // ---- export / import ----

    function buildTransfer() {
      var exportButton = el("button", { type: "button", class: "md-button", text: "Export progress" });
      var input = el("input", { type: "file", accept: "application/json,.json", class: "kb-import-file", id: "kb-import-file" });
      var label = el("label", { class: "md-button", for: "kb-import-file", text: "Import progress" });
      exportButton.addEventListener("click", function () {
        var data = { format: FORMAT, version: 1, exported: new Date().toISOString(), cards: load().cards };
        var url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 1)], { type: "application/json" }));
        var link = el("a", { href: url, download: "study-progress-" + data.exported.slice(0, 10) + ".json" });
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
        message.textContent = "Exported the progress of " + Object.keys(data.cards).length + " cards.";
      });
      input.addEventListener("change", function () {
        var file = input.files && input.files[0];
        if (!file) return;
        file.text().then(function (text) {
          var data = JSON.parse(text);
          if (!data || data.format !== FORMAT || typeof data.cards !== "object") throw new Error("not a progress file");
          progress = load();
          var count = merge(progress, data.cards);
          save(progress);
          message.textContent = "Imported the progress of " + count + " cards." +
            (count < Object.keys(data.cards).length ? " " + (Object.keys(data.cards).length - count) + " were as new here already." : "");
          if (mode === "review") plan();
        }).catch(function (error) {
          message.textContent = "Could not import " + file.name + ": " + error.message + ".";
        }).then(function () { input.value = ""; });
      });
      return el("div", { class: "kb-study-transfer" }, [exportButton, input, label]);
    }

    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || !document.body.contains(root)) return;
      var target = event.target;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      // Material's search dialog has its own keys.
      if (document.querySelector("[data-md-toggle=search]:checked")) return;
      // Space presses a focused button, opens a summary, follows a link: not the study's key then.
      var interactive = target && target.closest && target.closest("button, a, summary, label, select");
      if (mode === "review") {
        if ((event.key === " " || event.key === "Spacebar") && current && !revealed && !interactive) {
          event.preventDefault();
          showAnswer();
        } else if (/^[1-4]$/.test(event.key) && revealed) {
          event.preventDefault();
          grade_(Number(event.key));
        }
      } else if (/^[1-4]$/.test(event.key) && !answered) {
        var option = quiz.querySelector('[data-option="' + event.key + '"]');
        if (option) { event.preventDefault(); option.click(); }
      }
    });

    plan();
  }

  function startAll() {
    document.querySelectorAll(".kb-study").forEach(start);
  }

  if (typeof document$ !== "undefined") document$.subscribe(startAll);
  else startAll();
})();
