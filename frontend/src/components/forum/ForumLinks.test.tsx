import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { LatestForumTopics, TitleTopicLink } from "./ForumLinks";

describe("TitleTopicLink", () => {
  it("links the title's topic with a full page load and counts replies", () => {
    render(<TitleTopicLink topic={{ page: 5, topic: 7, subject: "Фрірен", url: "/forum/forum/a-2/topic/f-7/", replies: 3 }} />);
    const link = screen.getByRole("link", { name: "Обговорення на форумі" });
    expect(link).toHaveAttribute("href", "/forum/forum/a-2/topic/f-7/");
    expect(screen.getByText("3 відповіді")).toBeInTheDocument();
  });
});

describe("LatestForumTopics", () => {
  it("lists topics with their forum, replies and last poster", () => {
    render(
      <LatestForumTopics
        topics={[
          {
            id: 7,
            subject: "<script>Що подивитися?</script>",
            url: "/forum/forum/n-1/topic/t-7/",
            forum: { name: "Новини", url: "/forum/forum/n-1/" },
            replies: 0,
            last_post_at: null,
            last_poster: "olena",
          },
        ]}
      />,
    );
    expect(screen.getByRole("link", { name: "<script>Що подивитися?</script>" })).toHaveAttribute(
      "href",
      "/forum/forum/n-1/topic/t-7/",
    );
    expect(screen.getByRole("link", { name: "Новини" })).toHaveAttribute("href", "/forum/forum/n-1/");
    expect(screen.getByTestId("forum-topic")).toHaveTextContent("нова тема · olena");
  });
});
