/** What is known of datasets before their files are read: frame shapes and class counts. */
package io.spikelot.model.dataset;
