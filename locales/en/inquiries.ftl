# Inquiries (issue 5): asking the office, "My questions", the staff chat.

ask-choose-topic =
    ✉️ <b>Ask the office</b>
    Choose the topic of your question:
ask-topic-admission = 🎓 Admission of foreign students
ask-topic-exchange = 🔁 Exchange and Erasmus+
ask-topic-visa = 🛂 Visas and stay
ask-topic-documents = 📄 Documents
ask-topic-other = 💬 Other
ask-btn-cancel = ❌ Cancel
ask-prefill =
    Topic: <b>{ $topic }</b>

    Your question:
    <i>{ $text }</i>

    Send this question to the office, or write another one?
ask-btn-prefill-use = ✅ Send this question
ask-btn-prefill-new = ✏️ Write another one
ask-question-taken = ✅ Got your question.
ask-write-question =
    Topic: <b>{ $topic }</b>

    ✍️ Write your question in one message. You may attach a photo or a document — then write the question in its caption.
    /cancel — cancel
ask-question-too-long = Your question is too long ({ $length } characters). Please shorten it to { $limit } characters.
ask-question-unsupported = Please send your question as text, or as a photo or document with a caption.
ask-question-no-words = Please write your question in words, so that the specialist can answer it.
ask-phone-prompt = 📱 If you would like the office to be able to call you, share your phone number with the button below. If not, press “Skip”.
ask-phone-placeholder = Phone number or “Skip”
ask-btn-share-phone = 📱 Share my phone number
ask-btn-skip-phone = ➡️ Skip
ask-phone-saved = ✅ Phone number saved.
ask-phone-skipped = OK, without a phone number.
ask-phone-not-own = Please share your own number with the button below, or press “Skip”.
ask-phone-invalid = That doesn't look like a phone number. Type it with the country code (+992 …), share it with the button below, or press “Skip”.
ask-summary =
    📝 <b>Please check your question</b>

    Topic: { $topic }
    Question: { $question }
    Attachment: { $attachment }
    Phone: { $phone }

    Send it to the office?
ask-attachment-photo = photo
ask-attachment-document = document
ask-none = none
ask-no-text = (no text)
ask-btn-send = ✅ Send
ask-received =
    ✅ Your question has been received, its number is <b>#{ $id }</b>.
    The answer will come here, in this chat.
ask-hours-open = 🕓 The office usually answers during working hours: { $hours }.
ask-hours-closed = 🌙 The office is closed now (working hours: { $hours }). Expect an answer { $next }.
ask-next-today = today after { $time }
ask-next-tomorrow = tomorrow after { $time }
ask-next-day = { $day } after { $time }
ask-day-mon = on Monday
ask-day-tue = on Tuesday
ask-day-wed = on Wednesday
ask-day-thu = on Thursday
ask-day-fri = on Friday
ask-day-sat = on Saturday
ask-day-sun = on Sunday
ask-dshort-mon = Mon
ask-dshort-tue = Tue
ask-dshort-wed = Wed
ask-dshort-thu = Thu
ask-dshort-fri = Fri
ask-dshort-sat = Sat
ask-dshort-sun = Sun
ask-cancelled = ❌ Cancelled. Your question was not sent.
ask-keyboard-removed = ⌨️ The phone buttons are hidden.
ask-nothing-to-cancel = There is nothing to cancel.
ask-use-buttons = 👆 Please use the buttons above, or send /cancel.
ask-limit-open = ⏳ You already have { $count ->
        [one] { $count } open question
       *[other] { $count } open questions
    } — that is the limit. Please wait for the answers (see “My questions”).
ask-limit-cooldown-seconds = ⏳ Please wait { $n ->
        [one] { $count } second
       *[other] { $count } seconds
    } before asking another question.
ask-limit-cooldown-minutes = ⏳ Please wait { $n ->
        [one] { $count } minute
       *[other] { $count } minutes
    } before asking another question.
ask-followup-added = ✅ Added to your question #{ $id }. The office will answer here.
ask-followup-unsupported = Please send text, a photo or a document.
ask-closed-notice = ✅ Your question #{ $id } has been closed by the office. If you need anything else, use “Ask the office”.
ask-answer-header =
    💬 <b>Answer from the International Relations Office, inquiry #{ $id }</b>
    To add something, reply to the answer.

myq-title = 🗂 <b>My questions</b> ({ $count })
myq-empty = You have not asked the office any questions yet.
myq-item =
    <b>#{ $id }</b> · { $status } · { $date }
    { $topic }: { $text }
myq-status-received = 🕓 received
myq-status-answered = 💬 answered
myq-status-closed = ✅ closed
myq-page = Page { $page } of { $pages }
myq-btn-prev = ⬅️ Newer
myq-btn-next = Older ➡️

# The staff chat (STAFF_CHAT_ID) is spoken to in DEFAULT_LANGUAGE.
inq-card =
    📨 <b>Inquiry #{ $id }</b> · { $topic }
    👤 <a href="tg://user?id={ $uid }">{ $name }</a> { $username }
    🌐 Language: { $language }
    📱 Phone: { $phone }
    📎 Attachment: { $attachment }
    🕓 { $date }

    { $question }

    ↩️ Reply to this message to answer the student.
inq-not-given = not given
inq-attachment-caption = 📎 Attachment to inquiry #{ $id }
inq-followup =
    ↩️ <b>Inquiry #{ $id }</b> — { $name } writes:

    { $text }
inq-btn-close = ✅ Close
inq-btn-reopen = ↩️ Reopen
inq-btn-card = 📄 #{ $id }
inq-btn-redo = 🔁 Post it again
inq-closed = ✅ Inquiry #{ $id } closed ({ $name }).
inq-reopened = ↩️ Inquiry #{ $id } reopened ({ $name }).
inq-already-closed = Inquiry #{ $id } is already closed.
inq-not-closed = Inquiry #{ $id } is not closed.
inq-which = Send this command as a reply to an inquiry's card, or add its number: /{ $command } 12
inq-bad-number = «{ $text }» is not an inquiry number. Write the number in digits, /{ $command } 12, or send the command as a reply to the card.
inq-not-found = There is no inquiry #{ $id }.
inq-open-title = 📋 <b>Unanswered inquiries</b>, oldest first: { $count }
inq-open-empty = 🎉 No unanswered inquiries.
inq-open-item =
    <b>#{ $id }</b> · { $date } · { $topic } · { $name }
    { $text }
inq-open-more = …and { $count } more.
inq-reminder-title = ⏰ <b>Unanswered for more than { $hours } h</b>: { $count }
inq-blocked = ⚠️ The answer to inquiry #{ $id } was not delivered: the student has blocked the bot.
inq-send-failed = ⚠️ The answer to inquiry #{ $id } was not delivered ({ $error }). Please try again later.
inq-not-allowed = Only the office staff can do this.
inq-notice-unconfirmed = ⚠️ Inquiry #{ $id }: the bot was stopped while posting ({ $what }), so it may be missing above. If you do not see it, press the button. You can also reply to this message to answer the student.
inq-what-card = card of the inquiry
inq-what-attachment = attachment
inq-what-followup = student's follow-up message
inq-what-notice = notice
inq-redo-queued = Queued, it will appear in a moment.
inq-redo-done = This has already been posted.
inq-chat-id = 🆔 The id of this chat: <code>{ $id }</code>. Put STAFF_CHAT_ID={ $id } in the bot's .env and restart it to make this the staff chat.

cmd-open = Unanswered inquiries
cmd-close = Close an inquiry (reply to its card)
cmd-reopen = Reopen an inquiry (reply to its card)
ask-not-sent = ⚠️ Your question was not sent: the bot restarted while sending it. It is kept below; press «Send» to send it now.
