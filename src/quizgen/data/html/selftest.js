// The self-test: renders one question at a time from the page's JSON, checks answers, keeps score
// and saves progress in localStorage. Data reaches the page only through textContent, never as HTML.
(function () {
  "use strict";

  var dataElement = document.getElementById("quiz-data");
  var quiz = JSON.parse(dataElement.textContent);
  var storageKey = dataElement.getAttribute("data-storage-key");
  var storagePrefix = storageKey.slice(0, storageKey.lastIndexOf(":") + 1);
  var questionsById = {};
  var formsByClaim = {};
  quiz.questions.forEach(function (question) {
    questionsById[question.id] = question;
    (formsByClaim[question.claim] = formsByClaim[question.claim] || []).push(question.id);
  });
  var conflicts = quiz.conflicts || {};
  var rounds = quiz.rounds && quiz.rounds.length ? quiz.rounds :
    [quiz.questions.map(function (question) { return question.id; })];

  var KIND_HINTS = {
    single: "Choose one answer.",
    true_false: "Choose true or false.",
    year: "Choose the year.",
    year_typed: "Type the year.",
    multiple: "Choose every answer that applies.",
    short: "Type your answer; case, accents, spaces and punctuation do not matter.",
    cloze: "Case and accents do not matter.",
    matching: "Match each item on the left with one on the right.",
    ordering: "Put the items in order, first at the top. Use the move buttons."
  };

  function byId(id) { return document.getElementById(id); }

  var screens = {
    question: byId("question-screen"),
    summary: byId("summary-screen")
  };
  var ui = {
    storageNote: byId("storage-note"),
    scoreText: byId("score-text"),
    progressBar: byId("progress-bar"),
    heading: byId("question-heading"),
    form: byId("question-form"),
    body: byId("question-body"),
    checkButton: byId("check-button"),
    feedback: byId("feedback"),
    nextButton: byId("next-button"),
    summaryHeading: byId("summary-heading"),
    summaryScore: byId("summary-score"),
    missedBlock: byId("missed-block"),
    missedList: byId("missed-list"),
    retryButton: byId("retry-button"),
    restartButton: byId("restart-button"),
    practiceButton: byId("practice-button"),
    themeList: byId("theme-list")
  };

  // ---- Seeded randomness: the same seed always gives the same order -------------------------

  function hash32(text) {
    // FNV-1a: a stable 32-bit number from a string, to seed mulberry32.
    var hash = 0x811c9dc5;
    for (var i = 0; i < text.length; i += 1) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash >>> 0;
  }

  function mulberry32(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function shuffled(items, random) {
    var copy = items.slice();
    for (var i = copy.length - 1; i > 0; i -= 1) {
      var j = Math.floor(random() * (i + 1));
      var swap = copy[i];
      copy[i] = copy[j];
      copy[j] = swap;
    }
    return copy;
  }

  // ---- Progress, saved per deck and per content hash ----------------------------------------

  var storage = (function () {
    try {
      var store = window.localStorage;
      var probe = storagePrefix + "probe";
      store.setItem(probe, "1");
      store.removeItem(probe);
      return store;
    } catch (error) {
      return null; // file:// in some browsers, private modes, or storage switched off
    }
  })();

  function freshState(attempt, known) {
    // A round is a test assembled at build time: one question per fact, none giving another
    // away. Starting again takes the next one; past the last, the same ones reshuffled.
    var seed = hash32(quiz.deck.seed + ":" + attempt);
    var order = rounds[attempt % rounds.length].slice();
    if (attempt >= rounds.length) { order = shuffled(order, mulberry32(seed)); }
    return { attempt: attempt, seed: seed, order: order, index: 0, results: {}, phase: "question",
      known: known || {}, asked: {} };
  }

  function conflictsWith(id, chosen) {
    var others = conflicts[id] || [];
    return chosen.some(function (other) { return others.indexOf(other) >= 0; });
  }

  function nextRound(missedClaims) {
    // The facts missed come back first, each in a form not asked last time where the deck has
    // one; the round is then filled from the next fresh round, under the same rules. A form
    // whose answer shows in many stems can leave too few questions that fit beside it: the
    // round is then built again with each missed fact in its least conflicting form.
    var attempt = state.attempt + 1;
    var base = rounds[attempt % rounds.length];
    // As long as the first round: the last round built may be a short one, holding the facts
    // the others left out, and a learner's next round is filled up from the whole deck.
    var limit = rounds[0].length;
    var rest = base.concat(shuffled(Object.keys(questionsById).sort(), mulberry32(attempt)));
    function conflictCount(id) { return (conflicts[id] || []).length; }
    function build(formsFor, pool) {
      var chosen = [];
      var claims = {};
      var trueFalse = 0;
      function fits(id) {
        var question = questionsById[id];
        var isTrueFalse = question.kind === "true_false";
        return !claims[question.claim] && !conflictsWith(id, chosen) &&
          (!isTrueFalse || 3 * (trueFalse + 1) <= limit);
      }
      function take(id) {
        var question = questionsById[id];
        chosen.push(id);
        claims[question.claim] = true;
        if (question.kind === "true_false") { trueFalse += 1; }
      }
      missedClaims.forEach(function (claim) {
        var pick = formsFor(claim).filter(fits)[0];
        if (pick && chosen.length < limit) { take(pick); }
      });
      pool.forEach(function (id) { if (chosen.length < limit && fits(id)) { take(id); } });
      return chosen;
    }
    function anotherFormFirst(claim) {
      var last = (state.asked || {})[claim];
      var forms = formsByClaim[claim] || [];
      return forms.filter(function (id) { return id !== last; }).concat(last ? [last] : []);
    }
    function leastConflictingFirst(claim) {
      return anotherFormFirst(claim).slice().sort(function (a, b) {
        return conflictCount(a) - conflictCount(b);
      });
    }
    // The fewer stems a question's answer shows in, the more others fit beside it.
    var calmFirst = rest.slice().sort(function (a, b) { return conflictCount(a) - conflictCount(b); });
    var tries = [[anotherFormFirst, rest], [anotherFormFirst, calmFirst],
      [leastConflictingFirst, calmFirst]];
    var chosen = [];
    for (var i = 0; i < tries.length && chosen.length < limit; i += 1) {
      var built = build(tries[i][0], tries[i][1]);
      if (built.length > chosen.length) { chosen = built; }
    }
    var seed = hash32(quiz.deck.seed + ":" + attempt);
    return { attempt: attempt, seed: seed, order: shuffled(chosen, mulberry32(seed)), index: 0,
      results: {}, phase: "question", known: state.known || {}, asked: state.asked || {} };
  }

  function isValidState(state) {
    return Boolean(state) && Array.isArray(state.order) && typeof state.index === "number" &&
      typeof state.results === "object" && state.results !== null &&
      ["question", "feedback", "summary"].indexOf(state.phase) >= 0 &&
      state.order.every(function (id) { return Object.prototype.hasOwnProperty.call(questionsById, id); });
  }

  function loadState() {
    if (!storage) { return null; }
    try {
      var state = JSON.parse(storage.getItem(storageKey) || "null");
      return isValidState(state) ? state : null;
    } catch (error) {
      return null;
    }
  }

  function saveState() {
    if (!storage) { return; }
    try {
      storage.setItem(storageKey, JSON.stringify(state));
    } catch (error) {
      // A full or refused storage must not stop the test; progress just is not kept.
    }
  }

  function forgetOlderVersions() {
    // Progress saved for an earlier version of this deck's questions no longer fits them.
    if (!storage) { return; }
    try {
      for (var i = storage.length - 1; i >= 0; i -= 1) {
        var key = storage.key(i);
        if (key && key.indexOf(storagePrefix) === 0 && key !== storageKey) {
          storage.removeItem(key);
        }
      }
    } catch (error) {
      // Nothing to clean up when storage cannot be read.
    }
  }

  // ---- Answer checking ----------------------------------------------------------------------

  function matchesAny(response, accepted) {
    // One normalisation for every grader: answers.js, loaded before this script.
    return quizgenAnswers.isAccepted(response, accepted);
  }

  function isTyped(question) {
    return question.kind === "short" ||
      (question.kind === "year" && !(question.choices && question.choices.length));
  }

  function isCorrect(question, response) {
    var answer = question.answer || [];
    switch (question.kind) {
      case "multiple":
        return response.length === answer.length &&
          response.every(function (text) { return answer.indexOf(text) >= 0; });
      case "cloze":
        return question.blanks.every(function (blank, i) {
          return matchesAny(response[i] || "", [blank.answer].concat(blank.accept || []));
        });
      case "matching":
        return question.pairs.every(function (pair, i) { return response[i] === pair[1]; });
      case "ordering":
        return response.length === question.order.length &&
          question.order.every(function (text, i) { return response[i] === text; });
      default:
        if (isTyped(question)) {
          return matchesAny(response, answer.concat(question.accept || []));
        }
        return answer.indexOf(response) >= 0;
    }
  }

  function hasResponse(question, response) {
    switch (question.kind) {
      case "multiple": return response.length > 0;
      case "cloze": return response.some(function (text) { return text.trim() !== ""; });
      case "matching": return response.some(function (text) { return text !== ""; });
      case "ordering": return true;
      default: return response !== null && String(response).trim() !== "";
    }
  }

  // ---- Rendering a question from its data -------------------------------------------------

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function choiceOrder(question) {
    var choices = question.choices || [];
    // Years and figures keep their order in every round.
    if (state.attempt === 0 || question.in_order ||
        (question.kind !== "single" && question.kind !== "multiple")) {
      return choices;
    }
    return shuffled(choices, mulberry32(hash32(state.seed + ":" + question.id)));
  }

  var current = null; // what the shown question needs to read the learner's response

  function renderOptions(fieldset, question, type) {
    var list = element("div", "options");
    var inputs = [];
    choiceOrder(question).forEach(function (choice, i) {
      var id = "option-" + i;
      var row = element("div", "option");
      var input = element("input");
      input.type = type;
      input.name = "option";
      input.id = id;
      input.value = choice;
      var label = element("label", null, choice);
      label.htmlFor = id;
      row.appendChild(input);
      row.appendChild(label);
      list.appendChild(row);
      inputs.push(input);
    });
    fieldset.appendChild(list);
    return {
      inputs: inputs,
      read: function () {
        var chosen = inputs.filter(function (input) { return input.checked; })
          .map(function (input) { return input.value; });
        return type === "radio" ? (chosen.length ? chosen[0] : null) : chosen;
      },
      restore: function (response) {
        var chosen = type === "radio" ? [response] : response;
        inputs.forEach(function (input) { input.checked = chosen.indexOf(input.value) >= 0; });
      },
      mark: function () {
        inputs.forEach(function (input) {
          var row = input.parentNode;
          if (question.answer.indexOf(input.value) >= 0) {
            row.classList.add("is-right");
            row.appendChild(element("span", "mark", "✓ right answer"));
          } else if (input.checked) {
            row.classList.add("is-wrong");
            row.appendChild(element("span", "mark", "✗ your choice"));
          }
        });
      }
    };
  }

  function renderTyped(fieldset, question) {
    var row = element("div", "typed");
    var label = element("label", null, question.kind === "year" ? "Year" : "Your answer");
    label.htmlFor = "typed-answer";
    var input = element("input");
    input.type = "text";
    input.id = "typed-answer";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.setAttribute("autocapitalize", "off");
    if (question.kind === "year") { input.inputMode = "numeric"; }
    row.appendChild(label);
    row.appendChild(input);
    fieldset.appendChild(row);
    return {
      inputs: [input],
      read: function () { return input.value; },
      restore: function (response) { input.value = response || ""; },
      mark: function () {}
    };
  }

  function renderCloze(fieldset, question) {
    var sentence = element("p", "cloze");
    var inputs = [];
    var parts = question.prompt_parts || [];
    question.blanks.forEach(function (blank, i) {
      sentence.appendChild(document.createTextNode(parts[i] || ""));
      var input = element("input", "blank");
      input.type = "text";
      input.id = "blank-" + i;
      input.autocomplete = "off";
      input.spellcheck = false;
      input.setAttribute("autocapitalize", "off");
      input.setAttribute("aria-label", "Blank " + (i + 1) + " of " + question.blanks.length);
      sentence.appendChild(input);
      inputs.push(input);
    });
    sentence.appendChild(document.createTextNode(parts[question.blanks.length] || ""));
    fieldset.appendChild(sentence);
    return {
      inputs: inputs,
      read: function () { return inputs.map(function (input) { return input.value; }); },
      restore: function (response) {
        inputs.forEach(function (input, i) { input.value = (response && response[i]) || ""; });
      },
      mark: function () {}
    };
  }

  function renderMatching(fieldset, question) {
    var list = element("div", "matching");
    var selects = [];
    question.pairs.forEach(function (pair, i) {
      var row = element("div", "match-row");
      var label = element("label", null, pair[0]);
      label.htmlFor = "match-" + i;
      var select = element("select");
      select.id = "match-" + i;
      select.appendChild(element("option", null, "Choose…")).value = "";
      (question.choices || []).forEach(function (choice) {
        var option = element("option", null, choice);
        option.value = choice;
        select.appendChild(option);
      });
      row.appendChild(label);
      row.appendChild(select);
      list.appendChild(row);
      selects.push(select);
    });
    fieldset.appendChild(list);
    return {
      inputs: selects,
      read: function () { return selects.map(function (select) { return select.value; }); },
      restore: function (response) {
        selects.forEach(function (select, i) { select.value = (response && response[i]) || ""; });
      },
      mark: function () {
        selects.forEach(function (select, i) {
          var right = select.value === question.pairs[i][1];
          select.parentNode.classList.add(right ? "is-right" : "is-wrong");
          select.parentNode.appendChild(element("span", "mark",
            right ? "✓ right" : "✗ right: " + question.pairs[i][1]));
        });
      }
    };
  }

  function renderOrdering(fieldset, question) {
    var list = element("ol", "ordering");
    var items = (question.choices && question.choices.length ? question.choices : question.order).slice();
    var buttons = [];
    var locked = false;

    function move(from, to, direction) {
      var moved = items.splice(from, 1)[0];
      items.splice(to, 0, moved);
      draw();
      // Focus follows the moved item, so repeated presses keep moving it.
      var row = list.children[to];
      var same = row.querySelector(direction === "up" ? ".move-up" : ".move-down");
      var other = row.querySelector(direction === "up" ? ".move-down" : ".move-up");
      (same.disabled ? other : same).focus();
      announce("Moved “" + moved + "” to position " + (to + 1) + " of " + items.length + ".");
    }

    function draw() {
      list.textContent = "";
      buttons = [];
      items.forEach(function (text, i) {
        var row = element("li", "order-item");
        row.appendChild(element("span", "order-text", text));
        var controls = element("span", "order-controls");
        var up = element("button", "move-up", "↑");
        up.type = "button";
        up.setAttribute("aria-label", "Move “" + text + "” up");
        up.disabled = locked || i === 0;
        up.addEventListener("click", function () { move(i, i - 1, "up"); });
        var down = element("button", "move-down", "↓");
        down.type = "button";
        down.setAttribute("aria-label", "Move “" + text + "” down");
        down.disabled = locked || i === items.length - 1;
        down.addEventListener("click", function () { move(i, i + 1, "down"); });
        controls.appendChild(up);
        controls.appendChild(down);
        // Once checked, the order is final and the buttons would only be clutter.
        if (!locked) { row.appendChild(controls); }
        list.appendChild(row);
        buttons.push(up, down);
      });
    }

    draw();
    fieldset.appendChild(list);
    return {
      get inputs() { return buttons; },
      read: function () { return items.slice(); },
      restore: function (response) {
        if (response && response.length === items.length) { items = response.slice(); }
        draw();
      },
      lock: function () { locked = true; draw(); },
      mark: function () {
        Array.prototype.forEach.call(list.children, function (row, i) {
          var right = items[i] === question.order[i];
          row.classList.add(right ? "is-right" : "is-wrong");
          row.appendChild(element("span", "mark", right ? "✓ right place" : "✗ belongs at " + (question.order.indexOf(items[i]) + 1)));
        });
      }
    };
  }

  var announcer = null;
  function announce(text) {
    if (!announcer) {
      announcer = element("div", "visually-hidden");
      announcer.setAttribute("aria-live", "polite");
      document.body.appendChild(announcer);
    }
    announcer.textContent = text;
  }

  function legendText(question) {
    // A cloze prompt is usually its own sentence with "____" for the blanks; the sentence is
    // then shown once, with the input fields in it, under a legend that says what to do.
    if (question.kind === "cloze" && question.prompt_parts &&
        question.prompt.replace(/_{2,}/g, "\u0000") === question.prompt_parts.join("\u0000")) {
      return question.blanks.length === 1 ? "Fill in the blank." : "Fill in the blanks.";
    }
    return question.prompt;
  }

  function renderQuestion(question) {
    ui.body.textContent = "";
    var fieldset = element("fieldset", "question");
    fieldset.setAttribute("data-question-id", question.id);
    var legend = element("legend", "prompt", legendText(question));
    fieldset.appendChild(legend);
    var hintKey = question.kind === "year" && isTyped(question) ? "year_typed" : question.kind;
    var hint = element("p", "hint", KIND_HINTS[hintKey] || "");
    hint.id = "question-hint";
    fieldset.setAttribute("aria-describedby", "question-hint");
    fieldset.appendChild(hint);
    var view;
    switch (question.kind) {
      case "multiple": view = renderOptions(fieldset, question, "checkbox"); break;
      case "cloze": view = renderCloze(fieldset, question); break;
      case "matching": view = renderMatching(fieldset, question); break;
      case "ordering": view = renderOrdering(fieldset, question); break;
      default:
        view = isTyped(question) ? renderTyped(fieldset, question)
          : renderOptions(fieldset, question, "radio");
    }
    ui.body.appendChild(fieldset);
    return view;
  }

  function showFeedback(question, result) {
    ui.feedback.textContent = "";
    ui.feedback.className = "feedback " + (result.correct ? "is-right" : "is-wrong");
    ui.feedback.appendChild(element("p", "verdict", result.correct ? "✓ Correct." : "✗ Not quite."));
    var answerLine = element("p", "right-answer");
    answerLine.appendChild(document.createTextNode(result.correct ? "Answer: " : "The right answer: "));
    answerLine.appendChild(element("strong", null, question.answer_text));
    ui.feedback.appendChild(answerLine);
    if (question.explanation) {
      ui.feedback.appendChild(element("p", "explanation", question.explanation));
    }
    if (question.source_text) {
      var source = element("p", "source");
      source.appendChild(document.createTextNode("Source: " + question.source_text));
      if (question.source_url && /^https?:\/\//.test(question.source_url)) {
        source.appendChild(document.createTextNode(" "));
        var link = element("a", null, "(link)");
        link.href = question.source_url;
        link.rel = "noopener noreferrer";
        source.appendChild(link);
      }
      ui.feedback.appendChild(source);
    }
  }

  // ---- Screens ------------------------------------------------------------------------------

  var state = loadState();

  function show(name) {
    Object.keys(screens).forEach(function (key) { screens[key].hidden = key !== name; });
  }

  function roundScore() {
    var checked = 0;
    var right = 0;
    state.order.forEach(function (id) {
      var result = state.results[id];
      if (result) {
        checked += 1;
        if (result.correct) { right += 1; }
      }
    });
    return { checked: checked, right: right };
  }

  function updateStatus() {
    var score = roundScore();
    ui.heading.textContent = "Question " + (state.index + 1) + " of " + state.order.length;
    ui.scoreText.textContent = "Right so far: " + score.right + " of " + score.checked;
    ui.progressBar.max = state.order.length;
    ui.progressBar.value = score.checked;
  }

  function showQuestion(focusHeading) {
    var question = questionsById[state.order[state.index]];
    show("question");
    current = { question: question, view: renderQuestion(question) };
    ui.feedback.textContent = "";
    ui.feedback.className = "feedback";
    var result = state.results[question.id];
    if (state.phase === "feedback" && result) {
      current.view.restore(result.response);
      lockQuestion(question, result);
    } else {
      ui.checkButton.hidden = false;
      ui.nextButton.hidden = true;
    }
    updateStatus();
    if (focusHeading) { ui.heading.focus(); }
  }

  function lockQuestion(question, result) {
    if (current.view.lock) { current.view.lock(); }
    current.view.inputs.forEach(function (input) { input.disabled = true; });
    current.view.mark();
    showFeedback(question, result);
    ui.checkButton.hidden = true;
    ui.nextButton.hidden = false;
    ui.nextButton.textContent =
      state.index + 1 < state.order.length ? "Next question" : "See my result";
  }

  function checkAnswer(event) {
    event.preventDefault();
    if (!current || state.phase !== "question") { return; }
    var question = current.question;
    var response = current.view.read();
    if (!hasResponse(question, response)) {
      ui.feedback.className = "feedback";
      ui.feedback.textContent = "";
      ui.feedback.appendChild(element("p", "verdict", "Answer first, then check."));
      return;
    }
    var result = { correct: isCorrect(question, response), response: response };
    state.results[question.id] = result;
    state.known = state.known || {};
    state.asked = state.asked || {};
    state.known[question.claim] = result.correct;
    state.asked[question.claim] = question.id;
    state.phase = "feedback";
    saveState();
    lockQuestion(question, result);
    updateStatus();
    ui.nextButton.focus();
  }

  function nextQuestion() {
    if (state.index + 1 < state.order.length) {
      state.index += 1;
      state.phase = "question";
      saveState();
      showQuestion(true);
    } else {
      state.phase = "summary";
      saveState();
      showSummary(true);
    }
  }

  function missedIds() {
    return state.order.filter(function (id) {
      var result = state.results[id];
      return !result || !result.correct;
    });
  }

  function showSummary(focusHeading) {
    show("summary");
    var score = roundScore();
    var total = state.order.length;
    var percent = total ? Math.round((100 * score.right) / total) : 0;
    ui.summaryScore.textContent =
      "You got " + score.right + " of " + total + " right: " + percent + "%.";
    var missed = missedIds();
    ui.missedList.textContent = "";
    missed.forEach(function (id) {
      var question = questionsById[id];
      var item = element("li", null, question.prompt + " ");
      item.appendChild(element("span", "missed-answer", "Answer: " + question.answer_text));
      ui.missedList.appendChild(item);
    });
    ui.missedBlock.hidden = missed.length === 0;
    ui.retryButton.hidden = missed.length === 0;
    showThemes();
    if (focusHeading) { ui.summaryHeading.focus(); }
  }

  function showThemes() {
    // Per theme: how many of its facts the learner last answered right, over every round.
    var themes = {};
    Object.keys(formsByClaim).sort().forEach(function (claim) {
      var theme = questionsById[formsByClaim[claim][0]].theme;
      var entry = themes[theme] = themes[theme] || { known: 0, total: 0 };
      entry.total += 1;
      if (state.known && state.known[claim]) { entry.known += 1; }
    });
    ui.themeList.textContent = "";
    Object.keys(themes).sort().forEach(function (theme) {
      var entry = themes[theme];
      var item = element("li", null, theme + ": " + entry.known + " of " + entry.total +
        (entry.total === 1 ? " fact" : " facts") + " answered right");
      ui.themeList.appendChild(item);
    });
  }

  function retryMissed() {
    var missedClaims = missedIds().map(function (id) { return questionsById[id].claim; });
    state = nextRound(missedClaims);
    saveState();
    showQuestion(true);
  }

  function startAgain() {
    state = freshState((state ? state.attempt : 0) + 1, state ? state.known : {});
    saveState();
    showQuestion(true);
  }

  function practiceAll() {
    // Practice asks every question of the deck, every form of every fact, reshuffled.
    var attempt = (state ? state.attempt : 0) + 1;
    var ids = quiz.questions.map(function (question) { return question.id; });
    var seed = hash32(quiz.deck.seed + ":practice:" + attempt);
    state = { attempt: attempt, seed: seed, order: shuffled(ids, mulberry32(seed)), index: 0,
      results: {}, phase: "question", known: state ? state.known : {},
      asked: state ? state.asked : {} };
    saveState();
    showQuestion(true);
  }

  ui.form.addEventListener("submit", checkAnswer);
  ui.nextButton.addEventListener("click", nextQuestion);
  ui.retryButton.addEventListener("click", retryMissed);
  ui.restartButton.addEventListener("click", startAgain);
  ui.practiceButton.addEventListener("click", practiceAll);

  forgetOlderVersions();
  ui.storageNote.hidden = Boolean(storage);
  if (!quiz.questions.length) {
    show("none");
  } else if (state && state.phase === "summary") {
    showSummary(false);
  } else {
    // No saved progress starts at the first question, so nothing stands between opening and asking.
    state = state || freshState(0, {});
    state.index = Math.min(Math.max(0, state.index), state.order.length - 1);
    showQuestion(false);
  }
})();
