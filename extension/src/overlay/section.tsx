import { useId, type ReactNode } from "react";

/** A titled block of the panel, exposed to assistive tech as a labelled region. */
export function Section({ title, className, children }: { title: string; className?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className={`sl-section${className ? ` ${className}` : ""}`} aria-labelledby={id}>
      <h3 id={id} className="sl-section__title">
        {title}
      </h3>
      {children}
    </section>
  );
}
