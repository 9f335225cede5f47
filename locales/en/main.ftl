# Foundation: language choice, main menu, About, Contacts, help, bad input.

choose-language = 🇬🇧 Please choose your language:
language-set = ✅ Language set: English.
welcome =
    👋 Welcome! I am the assistant of the <b>International Relations Office</b> of the Mining-metallurgical Institute of Tajikistan.
    I can tell you about our partner universities, Erasmus+ and exchanges, projects and news, and pass your question to the office.
main-menu-text = 🏛 <b>Main menu.</b> Choose a section, or simply type your question.

menu-about = ℹ️ About the office
menu-partners = 🌍 Partner universities
menu-erasmus = 🎓 Erasmus+ and mobility
menu-projects = 📂 Projects
menu-news = 📰 News and events
menu-contacts = 📞 Contacts
menu-ask = ✉️ Ask the office
menu-my-questions = 🗂 My questions
menu-subscribe = 🔔 Subscriptions
menu-language = 🌐 Language

btn-back = ⬅️ Back
btn-main-menu = 🏠 Main menu
btn-office-tasks = 📋 Tasks of the office
btn-office-areas = 🤝 Areas of cooperation

about-text =
    <b>{ $name }</b>
    { $institute }

    { $description }

    🎯 { $aim }
office-tasks-title = Main tasks and activities of the office
office-areas-title = The Institute cooperates with foreign institutions mainly in these areas
list-item = • { $text }

contact-person =
    👤 <b>{ $name }</b>
    { $role }
contacts-text =
    📞 <b>Contacts of the International Relations Office</b>

    { $people }

    ☎️ Phone: { $phone }
    📍 Address: { $address }
    ✉️ E-mail: { $email }
    🌐 Website: { $website }
not-published = not published by the office — use “Ask the office”
kb-empty = This information has not been loaded yet. Please try again later or ask the office.

button-outdated = This button is out of date.
not-understood = 🤔 Sorry, I did not understand that. Choose a section below.
unknown-command = 🤔 I do not know this command. Choose a section below or send /help.
unsupported-content = 🙏 I can only read text messages. Please type your question, or choose a section below.

help-text =
    ℹ️ <b>How to use this bot</b>

    Choose a section from the menu, or simply type your question in any of the three languages, for example “Kazan”, “Erasmus” or “contacts”.
    If I cannot answer, “Ask the office” sends your question to a specialist, and the answer comes back here.

cmd-start = Start the bot
cmd-menu = Main menu
cmd-partners = Partner universities
cmd-erasmus = Erasmus+ and mobility
cmd-projects = Projects
cmd-news = News and events
cmd-contacts = Contacts of the office
cmd-ask = Ask the office a question
cmd-myquestions = My questions
cmd-subscribe = Subscriptions
cmd-language = Change the language
cmd-privacy = What the bot stores
cmd-help = Help

error-generic = 😔 Sorry, something went wrong on our side. Please try again, or choose a section below. The problem has been logged.
error-generic-short = Something went wrong, please try again.
throttled = ⏳ You are sending messages too fast. Please wait a few seconds — I will answer again then.
