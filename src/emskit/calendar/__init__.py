"""Time in the EMS: periods, due dates, the certification cycle. "Today" always comes in."""
