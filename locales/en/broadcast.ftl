# Staff broadcasts (issue 6): composing, preview, progress, reports, /broadcasts, announcements.

cmd-broadcast = Send a broadcast to students
cmd-broadcasts = Recent broadcasts

bc-staff-only = This is available to the office staff only.
bc-ask-message =
    📣 <b>New broadcast</b>
    Send the message for students: text (with formatting), a photo, a video or a document with a caption.
    It will be copied to them exactly as you send it. /cancel to stop.
bc-unsupported = Please send text, a photo, a video or a document (with a caption if you like).
bc-draft-title = 📣 <b>New broadcast</b>
bc-draft-first = ✅ First version: goes to every language without a version of its own.
bc-draft-version-own = { $language }: own version ✅
bc-draft-version-first = { $language }: gets the first version
bc-draft-hint = Add a version in another language, or choose who receives the broadcast (the number of recipients is on each button):
bc-btn-version-add = ➕ { $language } version
bc-btn-version-edit = ✏️ { $language } version
bc-btn-aud-topic = { $topic } — subscribers ({ $count })
bc-btn-aud-all = 👥 Everyone ({ $count })
bc-btn-aud-lang = { $language } only ({ $count })
bc-btn-cancel = ✖️ Cancel
bc-btn-back = ⬅️ Back
bc-btn-send = ✅ Send to { $count }
bc-ask-version = Send the version for students whose language is { $language }.
bc-no-recipients = Nobody would receive this: choose another audience.
bc-preview-head = 👀 <b>Preview</b> — exactly what students will see. Audience: { $audience }. Recipients: { $total }.
bc-preview-lang = { $language } — { $count } recipients:
bc-confirm = Send this broadcast to { $total } recipients ({ $audience })?
bc-draft-cancelled = The broadcast was cancelled; nothing was sent.
bc-draft-expired = This draft is no longer open. Start again with /broadcast.

bc-aud-topic = subscribers of “{ $topic }”
bc-aud-all = everyone
bc-aud-lang = { $language } speakers

bc-unsubscribe = 🔕 Unsubscribe: { $topic }
bc-manage-subscriptions = 🔔 Subscription settings

bc-progress =
    📣 <b>Broadcast #{ $id }</b> is being sent…
    Done: { $done } / { $total } (delivered { $sent })
    Rate: { $rate } per second
    Time left: about { $left }
bc-progress-queued = 🕓 <b>Broadcast #{ $id }</b> ({ $total } recipients) is queued: { $position } before it. It starts by itself.
bc-btn-cancel-job = ⛔ Cancel the broadcast
bc-btn-cancel-numbered = ⛔ Cancel #{ $id }
bc-report-done =
    ✅ <b>Broadcast #{ $id } finished.</b>
    Delivered: { $sent } of { $total }
    Blocked the bot or left Telegram: { $blocked }
    Failed after retries: { $failed }
    Uncertain (in flight at a restart, re-sent once): { $uncertain }
bc-report-cancelled =
    ⛔ <b>Broadcast #{ $id } was cancelled.</b>
    Delivered: { $sent } of { $total }; not sent: { $notsent }
    Blocked the bot or left Telegram: { $blocked }
    Failed after retries: { $failed }
    Uncertain (in flight at a restart, re-sent once): { $uncertain }
bc-report-error = Stopped because: { $error }
bc-cancelling = Cancelling: messages already on their way will still arrive.
bc-not-active = This broadcast is not running any more.

bc-list-title = 📋 <b>Recent broadcasts</b>
bc-list-empty = No broadcasts yet. Start one with /broadcast.
bc-list-item =
    <b>#{ $id }</b> · { $date } · { $audience } · { $status }
    delivered { $sent } / { $total }, blocked { $blocked }, failed { $failed }, uncertain { $uncertain }, deleted { $deleted }
bc-status-queued = queued
bc-status-running = sending
bc-status-done = finished
bc-status-cancelled = cancelled
bc-status-deleting = being deleted
bc-status-deleted = deleted
bc-btn-delete = 🗑 Delete #{ $id } for everyone
bc-delete-confirm = Delete broadcast #{ $id } from the chats of its { $count } recipients? This cannot be undone.
bc-btn-delete-yes = 🗑 Yes, delete for everyone
bc-deleting = 🗑 Broadcast #{ $id } is being deleted for everyone; you will get a report.
bc-delete-not-allowed = This broadcast cannot be deleted (it is still running, already deleted, or older than 48 hours).
bc-deleted-report = 🗑 Broadcast #{ $id } was deleted: { $deleted } messages removed, { $failed } could not be removed.

bc-offer =
    🆕 <b>New in the knowledge base.</b> Announce it to the subscribers of “{ $topic }” ({ $count })?

    { $preview }
bc-offer-confirm = ✅ Announce
bc-offer-skip = ✖️ Skip
bc-offer-skipped = Skipped: this record will not be announced.
bc-offer-decided = Another staff member has already decided on this.
bc-offer-gone = This record is no longer in the knowledge base; nothing was sent.
bc-auto-event =
    📰 <b>{ $title }</b>
    🗓 { $date }

    { $text }
bc-auto-opening =
    🎓 <b>{ $title }</b>

    { $text }
bc-auto-opening-deadline =
    🎓 <b>{ $title }</b>
    ⏳ Deadline: { $deadline }

    { $text }
