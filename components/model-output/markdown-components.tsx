import type { Components } from "react-markdown";

/**
 * Element overrides: images are never loaded (a response could track its reader), links leave the
 * app without referrer, and code keeps left-to-right order inside right-to-left text.
 */
export const markdownComponents: Components = {
  img: ({ src, alt }) => (
    <span className="md-image" data-md-image="">
      [image{alt ? `: ${alt}` : ""}] <span className="font-mono">{typeof src === "string" ? src : ""}</span>
    </span>
  ),
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="nofollow noopener noreferrer" className="text-indigo-700 underline">
      {children}
    </a>
  ),
  pre: ({ children }) => <pre dir="ltr">{children}</pre>,
  code: ({ className, children }) => (
    <code dir="ltr" className={className}>
      {children}
    </code>
  ),
};
