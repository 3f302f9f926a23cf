/**
 * The one script of a viewer page, inline and allowed by its hash in the page's Content-Security-Policy.
 * It only reads the page's own elements: tooltips copy a hidden `about-*` element (already escaped HTML)
 * by cloning nodes, never through innerHTML; clicking a mention highlights every mention of its entity.
 * Plain ES2020, no template literals, so it reads the same here and in the browser.
 */
export const PAGE_SCRIPT = `(function () {
  'use strict';
  var tip = document.getElementById('tip');
  var live = document.getElementById('live');
  var shown = null;
  var selected = null;

  function element(node) { return node instanceof Element ? node : null; }
  function speakerOf(target) {
    return target.dataset.speaker ? document.getElementById(target.dataset.speaker) : null;
  }
  function announce(message) { live.textContent = message; }

  function hide() {
    if (shown === null) return;
    var speaker = speakerOf(shown);
    if (speaker) speaker.classList.remove('speaking');
    tip.hidden = true;
    shown = null;
  }

  function show(target) {
    var about = document.getElementById(target.dataset.tip);
    if (about === null) return;
    hide();
    tip.replaceChildren.apply(tip, Array.prototype.map.call(about.childNodes, function (node) {
      return node.cloneNode(true);
    }));
    tip.hidden = false;
    var box = target.getBoundingClientRect();
    var maxLeft = document.documentElement.clientWidth - tip.offsetWidth - 8;
    tip.style.left = (Math.max(8, Math.min(box.left, maxLeft)) + window.scrollX) + 'px';
    tip.style.top = (box.bottom + window.scrollY + 6) + 'px';
    shown = target;
    var speaker = speakerOf(target);
    if (speaker) speaker.classList.add('speaking');
  }

  function tipTarget(node) {
    var found = element(node);
    return found ? found.closest('[data-tip]') : null;
  }

  function select(index) {
    var again = selected === index;
    document.querySelectorAll('.selected').forEach(function (el) { el.classList.remove('selected'); });
    document.querySelectorAll('[aria-pressed="true"]').forEach(function (el) {
      el.setAttribute('aria-pressed', 'false');
    });
    selected = again ? null : index;
    if (selected === null) {
      announce('Highlight cleared');
      return null;
    }
    var key = CSS.escape(index);
    var marks = document.querySelectorAll('mark[data-entity="' + key + '"]');
    var count = 0;
    marks.forEach(function (mark) {
      mark.classList.add('selected');
      if (mark.hasAttribute('aria-pressed')) {
        mark.setAttribute('aria-pressed', 'true');
        count += 1;
      }
    });
    var button = document.querySelector('button[data-select-entity="' + key + '"]');
    if (button) button.setAttribute('aria-pressed', 'true');
    announce(count + (count === 1 ? ' mention' : ' mentions') + ' highlighted' + (button ? ': ' + button.textContent : ''));
    return document.querySelector('mark[data-entity="' + key + '"][tabindex]');
  }

  document.addEventListener('mouseover', function (event) {
    var target = tipTarget(event.target);
    if (target && target !== shown) show(target);
    else if (!target && shown && shown !== document.activeElement && !tip.contains(element(event.target))) hide();
  });
  document.addEventListener('focusin', function (event) {
    var target = tipTarget(event.target);
    if (target) show(target);
    else hide();
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      hide();
      return;
    }
    var found = element(event.target);
    var mark = found ? found.closest('mark[data-entity][role="button"]') : null;
    if (mark && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      select(mark.dataset.entity);
    }
  });
  document.addEventListener('click', function (event) {
    var found = element(event.target);
    if (found === null) return;
    var mark = found.closest('mark[data-entity]');
    if (mark) {
      select(mark.dataset.entity);
      return;
    }
    var button = found.closest('button[data-select-entity]');
    if (button) {
      var first = select(button.dataset.selectEntity);
      if (first) first.focus();
    }
  });
  window.addEventListener('resize', hide);
})();
`;
