# Subscriptions (issue 6): topics, the onboarding offer, the Unsubscribe button.

sub-topic-news = 📰 News and events
sub-topic-openings = 🎓 Erasmus+ and mobility openings
sub-topic-deadlines = ⏳ Deadlines
sub-text =
    🔔 <b>Subscriptions</b>
    Tap a topic to turn it on or off. ✅ — you receive its announcements from the office, ☐ — you do not.
sub-offer =
    🔔 Would you like to receive announcements from the office?
    Tap the topics you are interested in (you can change this any time with /subscribe):
sub-on = ✅ Subscribed: { $topic }
sub-off = ☐ Unsubscribed: { $topic }
sub-unsubscribed = You have unsubscribed from “{ $topic }”. You can subscribe again with /subscribe.
