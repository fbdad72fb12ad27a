"""genvideo."""
