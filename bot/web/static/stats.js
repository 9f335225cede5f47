/* The statistics tab: the figures of /stats, bar charts of new users and inquiries per day
   (SVG drawn here), and the questions the bot could not answer, each one click from an FAQ
   entry. */
(function () {
  "use strict";
  const D = window.Dash;
  const h = D.h;
  const SVG = "http://www.w3.org/2000/svg";

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, String(value));
    for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    return node;
  }

  /* Drawn at the width it is shown at, so that its labels keep their size on a phone. */
  function chart(title, days, values, alt, width) {
    const height = 150, left = 24, bottom = 18, top = 8;
    const max = Math.max(1, ...values);
    const step = (width - left) / Math.max(1, values.length);
    const scale = (height - bottom - top) / max;
    const box = svg("svg", { class: "chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": title });
    box.append(svg("line", { class: "axis", x1: left, y1: height - bottom, x2: width, y2: height - bottom }));
    box.append(svg("text", { x: 0, y: top + 8 }, String(max)), svg("text", { x: 0, y: height - bottom }, "0"));
    values.forEach((value, i) => {
      const barHeight = value * scale;
      const bar = svg("rect", {
        class: alt ? "bar alt" : "bar", x: left + i * step + 1, y: height - bottom - barHeight,
        width: Math.max(1, step - 2), height: barHeight,
      });
      bar.append(svg("title", {}, `${days[i]}: ${value}`));
      box.append(bar);
      const every = width < 420 ? 10 : 7;
      if (i % every === 0 || (i === values.length - 1 && i % every > every / 2)) {
        const last = i === values.length - 1;
        box.append(svg("text", {
          x: last ? width : left + i * step + step / 2, y: height - 4, "text-anchor": last ? "end" : i ? "middle" : "start",
        }, days[i].slice(8, 10) + "." + days[i].slice(5, 7)));
      }
    });
    return h("div", { class: "card" }, h("h3", {}, title), box);
  }

  function figure(value, label) {
    return h("div", { class: "figure" }, h("b", {}, String(value)), h("span", {}, label));
  }

  function makeFaq(item) {
    const question = { tg: "", ru: "", en: "" };
    question[item.language] = item.query;
    const keywords = { tg: [], ru: [], en: [] };
    keywords[item.language] = [item.query];
    D.showTab("kb");
    D.kb.startNew({ question, keywords }, "faq");
  }

  async function render(panel) {
    const response = await D.api("GET", "stats");
    if (!response.ok) return;
    const s = response.data;
    const two = window.matchMedia("(min-width: 700px)").matches;
    const width = Math.max(240, Math.floor((panel.clientWidth - (two ? 10 : 0)) / (two ? 2 : 1)) - 24);
    const median = s.median_first_answer === null ? "—" : D.duration(s.median_first_answer);
    const list = h("ul", { class: "nf" });
    if (!s.not_found.length) list.append(h("li", { class: "muted" }, D.t("dash-st-none")));
    for (const item of s.not_found) {
      list.append(h("li", { data: { query: item.query } },
        h("span", { class: "q" }, `${D.languages[item.language].flag} ${item.query}`),
        h("span", { class: "hint" }, D.t("dash-st-times", { count: item.count })),
        item.faq ? h("span", { class: "hint" }, D.t("dash-st-has-faq", { id: item.faq }))
          : h("button", { type: "button", class: "btn small", "data-action": "make-faq", onclick: () => makeFaq(item) }, D.t("dash-st-make-faq"))));
    }
    D.clear(panel).append(
      h("div", { class: "figures" },
        figure(s.users_total, D.t("dash-st-users")), figure(s.new_7, D.t("dash-st-new-7")),
        figure(s.new_30, D.t("dash-st-new-30")), figure(s.active_7, D.t("dash-st-active-7")),
        figure(s.inquiries_open, D.t("dash-st-inq-open")), figure(s.inquiries_answered, D.t("dash-st-inq-answered")),
        figure(median, D.t("dash-st-median"))),
      h("div", { class: "charts" },
        chart(D.t("dash-st-chart-users"), s.days, s.new_users, false, width),
        chart(D.t("dash-st-chart-inquiries"), s.days, s.inquiries, true, width)),
      h("div", { class: "card" }, h("h2", {}, D.t("dash-st-not-found")), list));
  }

  D.stats = { init: render, show: render };
})();
