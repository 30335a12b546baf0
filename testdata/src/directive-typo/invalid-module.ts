// Server actions.
"use-client"; // want `^"use-client" is not a directive and is ignored\. Did you mean "use client"\?$`

export const x = 1;
