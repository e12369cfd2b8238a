"""Read what people bring in from elsewhere, such as LinkedIn's data export."""
