"""My anime: a signed-in visitor's list (status, favourite, score), watch progress across
devices and history, subscriptions to new episodes in a dub team, notifications and the
MyAnimeList import/export. Builds on accounts and cms; cms never imports it (it hears from cms
through `cms.anime.signals.sources_published`)."""
