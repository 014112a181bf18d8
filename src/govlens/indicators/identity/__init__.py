"""What the national rules ask every page to show: site code, ICP and police records, sponsor, badge, meta."""
