# Staff console (issue 7): roles, the knowledge-base editor, statistics, backups, deadline reminders.

cmd-edit = Edit news, openings and partners
cmd-stats = Statistics
cmd-staff = Staff members (admins)
cmd-backup = Database backup (admins)

staff-only = 🔒 This is for the office staff only.
staff-admin-only = 🔒 Only an administrator can do this.

# /staff
staff-title = 👥 <b>Staff</b>
staff-admins = Administrators (ADMIN_IDS): { $ids }
staff-list-empty = No staff members have been added yet.
staff-item = • { $name } — id <code>{ $id }</code>
staff-unnamed = user { $id }
staff-help = Staff can use /edit, /stats, /broadcast and answer inquiries. Press “Add” to add someone; 🗑 removes a staff member.
staff-btn-add = ➕ Add a staff member
staff-btn-remove = 🗑 { $name }
staff-btn-cancel = ✖️ Cancel
staff-add-prompt = Forward me any message written by the person, or send their numeric Telegram user id. /cancel stops.
staff-add-hidden = ⚠️ This person's privacy settings hide their account in forwarded messages. Ask them for their user id (for example from @userinfobot) and send it here.
staff-add-bad = ⚠️ That is neither a message forwarded from a person nor a user id. Try again, or /cancel.
staff-add-bot = ⚠️ A bot cannot be a staff member.
staff-add-admin = { $name } is already an administrator.
staff-added = ✅ { $name } is now a staff member.
staff-already = { $name } is already a staff member.
staff-removed = 🗑 { $name } is no longer a staff member.
staff-not-found = This person is not on the staff list any more.
staff-cancelled = Cancelled.

# /backup
backup-caption =
    💾 Database backup, { $date } ({ $size }).
    To restore: stop the bot, put this file in place of the DATABASE_PATH file (delete the old -wal and -shm files next to it), start the bot.
backup-too-big = ⚠️ The backup is { $size }, too big to send through Telegram. Run “python -m bot backup PATH” on the server instead.
backup-failed = ⚠️ The backup failed: { $error }

# /stats
stats-title = 📊 <b>Statistics</b> — { $date }
stats-users = 👥 <b>Users</b>: { $total } (blocked the bot: { $blocked })
stats-languages = 🇹🇯 Тоҷикӣ: { $tg } · 🇷🇺 Русский: { $ru } · 🇬🇧 English: { $en } · language not chosen: { $none }
stats-new = 🆕 New: { $week } in the last 7 days, { $month } in the last 30 days
stats-active = 🟢 Active: { $week } in the last 7 days, { $month } in the last 30 days
stats-subscribers = 🔔 <b>Subscribers</b>
stats-subscriber = • { $topic }: { $count }
stats-inquiries = ✉️ <b>Inquiries</b>: received { $received }, answered { $answered }, open { $open }
stats-median = ⏱ Median time to the first answer: { $time }
stats-median-none = ⏱ Median time to the first answer: no answers yet
stats-minutes = { $minutes } min
stats-hours = { $hours } h { $minutes } min
stats-days = { $days } d { $hours } h
stats-top = 🔎 <b>Most asked searches</b> (30 days)
stats-missing = 🚫 <b>Searches that found nothing</b> (30 days)
stats-query = • { $query } — { $count }
stats-none = • none
stats-chart-caption = 📈 The last 30 days: 🟦 new users, 🟧 inquiries per day.
# The chart itself (bot/charts.py): plain text, no HTML.
stats-chart-title = New users and inquiries per day, the last { $days ->
        [one] day
       *[other] { $days } days
    }
stats-chart-x = Date
stats-chart-y = Number per day
stats-chart-new-users = New users
stats-chart-inquiries = Inquiries

# /edit
ed-title =
    ✏️ <b>Knowledge-base editor</b>
    What do you want to add, change or remove? /cancel leaves the editor.
ed-section-news = 📰 News and events
ed-section-opening = 📣 Openings (calls)
ed-section-partner = 🏛 Partner institutions
ed-btn-close = ✖️ Close the editor
ed-btn-back = ⬅️ Back
ed-btn-add = ➕ Add new
ed-list-title = { $section }: { $count } records. Choose one to change or remove it, or add a new one.
ed-record-title = ✏️ <b>{ $title }</b> (id <code>{ $id }</code>)
ed-record-new = ✏️ <b>New record</b> — { $section }
ed-unsaved = ⚠️ Unsaved changes: press “Preview and save”.
ed-field-line = <b>{ $field }</b>: { $value }
ed-empty = —
ed-missing = ⚠️ missing: { $langs }
ed-btn-field = ✏️ { $field }
ed-btn-preview = 👁 Preview and save
ed-btn-remove = 🗑 Remove
ed-field-title = Title
ed-field-text = Text
ed-field-date = Date
ed-field-date_end = End date
ed-field-deadline = Deadline
ed-field-description = Description
ed-field-eligibility = Who can apply
ed-field-how_to_apply = How to apply
ed-field-host = Host institution
ed-field-kind = Type
ed-field-link = Link
ed-field-name = Name
ed-field-country = Country
ed-field-short_name = Short name
ed-field-city = City
ed-field-cooperation = Cooperation
ed-ask-text =
    ✏️ <b>{ $field }</b> — { $language } ({ $step }/3)
    Send the text in this language.
ed-current = Now: { $value }
ed-skip-hint = “Skip” leaves this language empty: students then see another language, and the editor shows it as missing.
ed-btn-skip = ⏭ Skip (leave empty)
ed-btn-keep = ↩️ Keep as it is
ed-btn-cancel = ✖️ Cancel
ed-ask-date =
    🗓 <b>{ $field }</b>
    Type the date, for example 2027-03-05, 05.03.2027, 05/03/2027 or 5 March 2027.
ed-bad-date = ⚠️ “{ $text }” is not a date I understand. Type it like 2027-03-05, 05.03.2027, 05/03/2027, 5 March 2027 or 5 марта 2027.
ed-btn-clear = 🧹 Clear
ed-ask-institution =
    🏛 <b>{ $field }</b>
    Send the id of the partner institution (shown on its editor screen), for example { $example }.
ed-ask-country =
    🌍 <b>{ $field }</b>
    Send the two-letter country code: { $codes }.
ed-bad-ref = ⚠️ “{ $text }” is not known. Try again.
ed-ask-choice = <b>{ $field }</b>: choose one.
ed-ask-url =
    🔗 <b>{ $field }</b>
    Send a link starting with https://
ed-bad-url = ⚠️ A link must start with http:// or https:// and contain no spaces.
ed-need-text = ⚠️ Please send text.
ed-too-long = ⚠️ Too long: { $length } characters, at most { $max }. Please shorten it.
ed-required = ⚠️ “{ $field }” is required: give it in at least one language.
ed-preview-head = 👁 <b>Preview</b> ({ $language }) — the card exactly as students will see it:
ed-preview-missing = ⚠️ Not translated (students see another language instead): { $fields }
ed-confirm-add = Add this record?
ed-confirm-change = Save these changes?
ed-btn-confirm = ✅ Confirm
ed-btn-edit-more = ✏️ Edit more
ed-invalid =
    ⚠️ This cannot be saved yet:
    { $problems }
ed-saved-add = ✅ Added: { $title }. Students see it now.
ed-saved-change = ✅ Saved: { $title }. Students see the change now.
ed-removed = 🗑 Removed: { $title }.
ed-remove-confirm = 🗑 Remove <b>{ $title }</b>? Students will no longer see it.
ed-btn-remove-yes = 🗑 Yes, remove
ed-conflict = ⚠️ Someone else changed this record while you were editing. Nothing was saved: open it again.
ed-expired = This editor screen is out of date. Send /edit to start again.
ed-not-found = This record no longer exists.
ed-cancelled = The editor is closed. Unsaved changes were discarded.

# Deadline reminders (to subscribers of “Deadlines”) and the archive of closed calls
dl-reminder =
    ⏰ <b>Deadline reminder</b>
    { $title }
    Deadline: { $date } ({ $left }).
dl-reminder-link = More: { $link }
dl-archive-button = 🗄 Archive of closed calls
dl-archive-title = 🗄 <b>Closed calls</b> ({ $count })
dl-archive-empty = No call has closed yet.
