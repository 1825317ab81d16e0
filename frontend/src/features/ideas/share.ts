export interface ShareTarget {
  /** Message id of the link's accessible name. */
  id: "x" | "facebook" | "linkedin" | "whatsapp";
  href: string;
}

/** Plain share URLs of the social networks: no third-party script is loaded. */
export function shareTargets(url: string, title: string): ShareTarget[] {
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  return [
    { id: "x", href: `https://twitter.com/intent/tweet?url=${u}&text=${text}` },
    { id: "facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { id: "linkedin", href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { id: "whatsapp", href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
  ];
}

export function mailtoLink(url: string, subject: string, body: string): string {
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(`${body}\n\n${url}`)}`;
}
