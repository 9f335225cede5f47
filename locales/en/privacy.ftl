privacy-text =
    🔒 <b>What this bot stores, and why</b>

    • Your Telegram user id, the language you chose and when you last wrote — to answer you in your language.
    • Your subscriptions — to send you only the announcements you asked for.
    • Your questions to the office: the text, the topic, your name and @username as Telegram shows them, the phone number only if you shared it, and any file you attached — so that the office can answer you.
    • Which announcements you received — so that they can be deleted for everyone if needed.
    • What people search for is kept without any user id, so the office can see which questions the bot cannot answer yet.

    Nothing is shared outside the International Relations Office. /forget deletes your data.
btn-forget = 🗑 Delete my data
btn-forget-confirm = 🗑 Yes, delete my data
forget-confirm =
    ⚠️ This deletes your language, your subscriptions, and your name, username, phone and files in your questions to the office. Open questions will be closed.
    The text of past questions is kept for the office's records, without your name or any link to you.
    Delete your data?
forget-done = ✅ Done. Your data has been deleted. { $inquiries ->
    [0] You had no questions to the office.
    [one] The text of { $inquiries } question is kept for the office's records, without your name.
   *[other] The text of { $inquiries } questions is kept for the office's records, without your name.
    }
