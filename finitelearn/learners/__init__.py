"""Students: SQ learners, membership-query learners and passive learners (Section 4)."""
