/* The inquiries tab: the queue by status and topic, a thread, answering, closing, reopening. */
(function () {
  "use strict";
  const D = window.Dash;
  const h = D.h;
  const S = { status: "open", topic: "", items: [], selected: null, thread: null, topics: [], statuses: [] };
  const el = {};

  function topicName(topic) {
    return D.t("ask-topic-" + topic);
  }

  function layout(panel) {
    el.status = h("select", { class: "in", "aria-label": D.t("dash-inq-status"), onchange: (e) => { S.status = e.target.value; load(); } });
    el.topic = h("select", { class: "in", "aria-label": D.t("dash-inq-topic"), onchange: (e) => { S.topic = e.target.value; load(); } });
    el.list = h("ul", { class: "records" });
    el.head = h("div", {});
    el.thread = h("div", { class: "thread" });
    el.reply = h("textarea", { class: "in", rows: 4, dir: "auto", "data-field": "answer", placeholder: D.t("dash-inq-reply") });
    el.send = h("button", { type: "button", class: "btn", "data-action": "answer", onclick: () => answer() }, D.t("dash-inq-send"));
    el.toggle = h("button", { type: "button", class: "btn secondary", "data-action": "toggle", onclick: () => toggle() });
    el.main = h("div", { class: "inbox-main card" },
      h("button", { type: "button", class: "link back", onclick: () => showList() }, D.t("dash-back")),
      h("p", { class: "hint", data: { empty: "" } }, D.t("dash-inq-pick")), el.head, el.thread,
      h("div", { class: "reply", hidden: true },
        h("div", { class: "field-label" }, D.t("dash-inq-reply")), el.reply,
        h("p", { class: "hint" }, D.t("dash-inq-reply-hint")), h("div", { class: "row" }, el.send, el.toggle)));
    el.root = h("div", { class: "inbox", data: { view: "list" } },
      h("aside", { class: "inbox-side card" }, h("div", { class: "filters" }, el.status, el.topic), el.list),
      el.main);
    D.clear(panel).append(el.root);
  }

  function showList() {
    el.root.dataset.view = "list";
    D.backButton(null);
  }

  function fillFilters() {
    D.clear(el.status).append(...S.statuses.map((s) => h("option", { value: s }, D.t("dash-inq-status-" + s))));
    el.status.value = S.status;
    D.clear(el.topic).append(h("option", { value: "" }, D.t("dash-inq-topic-all")),
      ...S.topics.map((t) => h("option", { value: t }, topicName(t))));
    el.topic.value = S.topic;
  }

  function renderList() {
    D.clear(el.list);
    if (!S.items.length) el.list.append(h("li", { class: "muted" }, D.t("dash-inq-empty")));
    for (const item of S.items) {
      el.list.append(h("li", {}, h("button", {
        type: "button", class: "inq rec", "aria-current": String(item.id === S.selected), data: { id: String(item.id) },
        onclick: () => open(item.id),
      }, h("span", { class: "t" }, `#${item.id} · ${item.name || "—"}`),
      h("span", { class: "s" }, h("span", { class: "status " + item.status }, D.t("dash-inq-status-" + item.status)),
        h("span", {}, topicName(item.topic)), h("span", {}, D.formatTime(item.created_at))),
      h("span", { class: "hint" }, item.excerpt))));
    }
  }

  async function load() {
    const query = new URLSearchParams({ status: S.status });
    if (S.topic) query.set("topic", S.topic);
    const response = await D.api("GET", "inquiries?" + query.toString());
    if (!response.ok) return;
    S.items = response.data.items;
    S.topics = response.data.topics;
    S.statuses = response.data.statuses;
    fillFilters();
    renderList();
  }

  function event(e) {
    if (e.type === "answer") {
      const who = e.dashboard ? D.t("dash-inq-answer-by", { name: e.by || "" }) : D.t("dash-inq-answer-chat");
      return h("div", { class: "bubble staff" }, h("span", { class: "m" }, `${who} · ${D.formatTime(e.at)}`),
        e.text === null || e.text === undefined ? h("span", { class: "muted" }, "…") : e.text);
    }
    const label = e.type === "question" ? D.t("dash-inq-question") : D.t("dash-inq-followup");
    return h("div", { class: "bubble student" }, h("span", { class: "m" }, `${label} · ${D.formatTime(e.at)}`),
      e.text, e.attachment ? h("span", { class: "m" }, D.t("dash-inq-attachment")) : null);
  }

  function renderThread() {
    const t = S.thread;
    el.main.querySelector("[data-empty]").hidden = true;
    el.main.querySelector(".reply").hidden = false;
    D.append(D.clear(el.head), [
      h("h2", {}, D.t("dash-inq-title", { id: t.id })),
      h("div", { class: "row" },
        h("span", { class: "status " + t.status }, D.t("dash-inq-status-" + t.status)),
        h("span", {}, topicName(t.topic)),
        h("span", {}, `${D.languages[t.language] ? D.languages[t.language].flag : ""} ${t.name}`),
        t.username ? h("span", { class: "muted" }, "@" + t.username) : null,
        t.phone ? h("span", {}, `${D.t("dash-inq-phone")}: ${t.phone}`) : null),
      t.status === "received" && t.waiting_since
        ? h("p", { class: "hint" }, D.t("dash-inq-waiting", { when: D.formatTime(t.waiting_since) })) : null]);
    D.clear(el.thread).append(...t.events.map(event));
    el.toggle.textContent = D.t(t.status === "closed" ? "dash-inq-reopen" : "dash-inq-close");
    el.toggle.dataset.next = t.status === "closed" ? "reopen" : "close";
  }

  async function open(id) {
    const response = await D.api("GET", "inquiries/" + id);
    if (!response.ok) return;
    S.selected = id;
    S.thread = response.data;
    renderThread();
    renderList();
    el.root.dataset.view = "thread";
    D.backButton(() => showList());
  }

  async function answer() {
    const text = el.reply.value.trim();
    if (!text || !S.selected) return;
    el.send.disabled = true;
    let response;
    try {
      response = await D.api("POST", `inquiries/${S.selected}/answer`, { text });
    } finally {
      el.send.disabled = false;
    }
    if (response.ok) {
      el.reply.value = "";
      D.notice(D.t("dash-inq-sent"), "ok");
    } else if (response.status === 409) {
      D.notice(D.t("dash-inq-blocked"), "error");
    } else if (response.status !== 401 && response.status !== 403) {
      D.notice(D.t("dash-inq-failed"), "error");
    }
    await open(S.selected);
    await load();
  }

  async function toggle() {
    const action = el.toggle.dataset.next;
    const response = await D.api("POST", `inquiries/${S.selected}/${action}`);
    if (!response.ok) return;
    D.notice(D.t(action === "close" ? "dash-inq-closed" : "dash-inq-reopened"), "ok");
    await open(S.selected);
    await load();
  }

  D.inbox = {
    init: async function (panel) {
      layout(panel);
      await load();
    },
    show: load,
  };
})();
