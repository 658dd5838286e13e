"""The paper's examples and figures (Ma & Ying, Sections 3.3 and 4.2, Appendix A)."""
