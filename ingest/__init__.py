"""Reading news articles and extracting Heartstopper facts from them."""
